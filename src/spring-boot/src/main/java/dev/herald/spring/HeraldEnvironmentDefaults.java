package dev.herald.spring;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps Spring Boot 3 from reacting to the Flyway that herald-delivery brings: Boot would run
 * Flyway on the app's DataSource as soon as Flyway is on the class path, and warn that the app has
 * no migrations. When the app has none ({@code db/migration} absent) and says nothing itself,
 * {@code spring.flyway.enabled} defaults to {@code false}; Herald migrates its own tables.
 * (Boot 4 configures Flyway only with its {@code spring-boot-flyway} module, which Herald does not bring.)
 */
public final class HeraldEnvironmentDefaults implements EnvironmentPostProcessor {
    private static final String FLYWAY_ENABLED = "spring.flyway.enabled";

    /** Created by Spring Boot from {@code META-INF/spring.factories}. */
    public HeraldEnvironmentDefaults() {}

    /** Adds the lowest-precedence default, only when it applies. */
    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        ClassLoader loader = application.getClassLoader() != null ? application.getClassLoader() : getClass().getClassLoader();
        if (loader.getResource("org/flywaydb/core/Flyway.class") == null) return;
        if (environment.containsProperty(FLYWAY_ENABLED) || environment.containsProperty("spring.flyway.locations")) return;
        if (loader.getResource("db/migration") != null) return; // the app's own migrations: Boot runs them
        environment.getPropertySources().addLast(new MapPropertySource("herald-defaults", Map.of(FLYWAY_ENABLED, "false")));
    }
}

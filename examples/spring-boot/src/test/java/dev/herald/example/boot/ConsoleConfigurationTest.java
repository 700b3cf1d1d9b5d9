package dev.herald.example.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.console.Console;
import dev.herald.delivery.DeliveryClient;
import dev.herald.spring.HeraldAutoConfiguration;
import dev.herald.spring.HeraldConsoleAutoConfiguration;
import dev.herald.spring.HeraldConsoleMissingAutoConfiguration;
import dev.herald.spring.HeraldDeliveryAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** When the console auto-configuration makes a console, when it does not, and how it fails. */
class ConsoleConfigurationTest {
    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HeraldAutoConfiguration.class, HeraldDeliveryAutoConfiguration.class,
                    HeraldConsoleAutoConfiguration.class, HeraldConsoleMissingAutoConfiguration.class))
            .withPropertyValues("herald.delivery.database=target/herald-data/console-config-" + System.nanoTime());

    @Test
    void makesNoConsoleUnlessSwitchedOn() {
        runner.withBean(TestSyndicators.Accepting.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(DeliveryClient.class).doesNotHaveBean(Console.class);
        });
        runner.withBean(TestSyndicators.Accepting.class).withPropertyValues("herald.console.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(Console.class);
        });
    }

    @Test
    void makesTheConsoleOverTheAppsDeliveryWhenSwitchedOn() {
        runner.withBean(TestSyndicators.Accepting.class).withPropertyValues("herald.console.enabled=true").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Console.class);
        });
    }

    @Test
    void refusesToStartWhenTheConsoleIsSwitchedOnWithoutHeraldConsoleOnTheClassPath() {
        runner.withBean(TestSyndicators.Accepting.class).withPropertyValues("herald.console.enabled=true")
                .withClassLoader(new FilteredClassLoader(Console.class)).run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("dev.herald:herald-console");
                });
        runner.withBean(TestSyndicators.Accepting.class).withClassLoader(new FilteredClassLoader(Console.class)).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean("heraldConsole");
        });
    }

    @Test
    void backsOffForTheAppsOwnConsole() {
        runner.withBean(TestSyndicators.Accepting.class).withPropertyValues("herald.console.enabled=true")
                .withUserConfiguration(OwnConsole.class).run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(Console.class).hasBean("ownConsole").doesNotHaveBean("heraldConsole");
                });
    }

    @Test
    void refusesToStartWithoutADeliveryClientNamingTheSetting() {
        runner.withPropertyValues("herald.console.enabled=true").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("herald.console.enabled=true")
                    .hasMessageContaining("DeliveryClient");
        });
    }

    @Test
    void refusesABadSettingNamingKeyAndValue() {
        runner.withBean(TestSyndicators.Accepting.class).withPropertyValues("herald.console.enabled=true", "herald.console.path=/").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("herald.console.path='/'");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnConsole {
        @Bean
        Console ownConsole(DeliveryClient delivery) {
            return Console.builder(delivery).build();
        }
    }
}

package dev.herald.spring;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.herald.delivery.Delivery;
import dev.herald.delivery.DeliveryClient;
import dev.herald.delivery.DeliveryDatabase;
import dev.herald.delivery.ShareState;
import dev.herald.metrics.HeraldMetrics;
import dev.herald.metrics.MicrometerMetrics;
import dev.herald.syndication.HttpTransport;
import dev.herald.delivery.CredentialStores;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TokenStore;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.syndication.config.SyndicatorFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.yaml.snakeyaml.Yaml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Durable delivery in a Spring Boot app: the accounts of {@code herald.yaml} (named by
 * {@code herald.syndication.config}) plus any {@link Syndicator} beans of the app's (with neither,
 * no delivery), sent through an outbox on
 * the application's own {@link DataSource} when it has a durable one, else on Herald's embedded H2
 * file ({@code herald.delivery.database}, default {@code herald-data/herald}).
 *
 * <p>An in-memory database Boot made up only because H2 is on the class path is not the app's own:
 * the outbox would vanish at every restart. Herald's tables keep their own Flyway history table, so
 * the app's migrations are untouched. Backs off when the app defines a {@link Delivery} or
 * {@link DeliveryClient}; {@code herald.delivery.enabled=false} turns it off.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"},
        after = HeraldAutoConfiguration.class)
@ConditionalOnClass({Delivery.class, Scheduler.class, Flyway.class, SyndicationConfig.class, Yaml.class})
@ConditionalOnProperty(name = HeraldProperties.DELIVERY_ENABLED, matchIfMissing = true)
public class HeraldDeliveryAutoConfiguration {
    private static final Logger log = LoggerFactory.getLogger(HeraldDeliveryAutoConfiguration.class);

    /** Created by Spring. */
    public HeraldDeliveryAutoConfiguration() {}

    /**
     * The accounts of {@code herald.yaml}: the file {@code herald.syndication.config} names, or its
     * content given as {@code herald.syndication.*} properties ({@link SyndicationProperties}).
     *
     * @throws IllegalArgumentException when both are given, or the file is missing
     */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(SyndicationConfigured.class)
    public SyndicationConfig heraldSyndicationConfig(ConfigurableEnvironment environment, ResourceLoader resources) throws IOException {
        SyndicationConfig fromProperties = SyndicationProperties.read(environment);
        String location = HeraldProperties.read(environment).get(HeraldProperties.SYNDICATION_CONFIG);
        if (location == null || location.isBlank()) return fromProperties;
        if (fromProperties != null) {
            throw new IllegalArgumentException("Herald's accounts are given twice: in " + HeraldProperties.SYNDICATION_CONFIG + "='" + location
                    + "' and as herald.syndication.* properties; keep one");
        }
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw new IllegalArgumentException(HeraldProperties.SYNDICATION_CONFIG + "='" + location + "' names no file");
        }
        try (InputStream in = resource.getInputStream()) {
            return SyndicationConfig.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource.getDescription());
        }
    }

    /** {@code herald.syndication.config} or any {@code herald.syndication.*} account setting is present. */
    static final class SyndicationConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            if (!(context.getEnvironment() instanceof ConfigurableEnvironment env)) return false;
            if (env.containsProperty(HeraldProperties.SYNDICATION_CONFIG)) return true;
            for (PropertySource<?> source : env.getPropertySources()) {
                if (source instanceof EnumerablePropertySource<?> names) {
                    for (String name : names.getPropertyNames()) if (SyndicationProperties.isSetting(name)) return true;
                }
            }
            return false;
        }
    }

    /**
     * The HTTP client the syndicators share, reaching the non-public hosts herald.yaml's
     * {@code fetch: allow:} lists for article pages, images and feeds; closed with the application.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnBean(SyndicationConfig.class)
    public HttpTransport heraldHttpTransport(SyndicationConfig config) {
        return HttpTransport.builder().fetchPolicy(config.fetchPolicy()).build();
    }

    /**
     * The outbox and its worker, started, on the app's durable {@link DataSource} or the embedded
     * default; stopped (in-flight sends finishing) when the application closes.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean({Delivery.class, DeliveryClient.class})
    @Conditional(AccountsConfigured.class)
    public Delivery heraldDelivery(ObjectProvider<SyndicationConfig> yaml, ObjectProvider<HttpTransport> http,
            ObjectProvider<Syndicator> beans, ObjectProvider<DataSource> dataSources, ObjectProvider<HeraldMetrics> metrics,
            ConfigurableEnvironment environment) {
        SyndicationConfig config = yaml.getIfAvailable();
        Map<String, String> settings = HeraldProperties.read(environment);
        DataSource dataSource = durable(dataSources.getIfUnique(), environment);
        if (dataSource == null) {
            Path file = Path.of(settings.getOrDefault(HeraldProperties.DELIVERY_DATABASE, DeliveryDatabase.DEFAULT_PATH.toString()));
            dataSource = DeliveryDatabase.h2(file);
            log.info("Herald delivery uses its embedded database {}", file);
        }
        // Tokens that rotate or are renewed (X, Threads, LinkedIn, a Page token from herald auth) live
        // in the credential store when herald.yaml names a key, so every node and every restart uses
        // the newest; a renewal wakes an auth-failed account's shares once the client exists.
        AtomicReference<DeliveryClient> started = new AtomicReference<>();
        TokenStore tokens = TokenStore.inMemory();
        if (config != null) {
            tokens = CredentialStores.open(dataSource, config, SecretSource.environment(), Clock.systemUTC())
                    .<TokenStore>map(store -> store.notifying(account -> {
                        DeliveryClient client = started.get();
                        if (client != null && client.account(account).authFailed()) client.credentialsChanged(account);
                    }))
                    .orElse(tokens);
        }
        List<Syndicator> syndicators = new ArrayList<>();
        if (config != null) {
            syndicators.addAll(new SyndicatorFactory(http.getObject(), Clock.systemUTC(), SecretSource.environment(), tokens).createAll(config));
        }
        beans.orderedStream().forEach(syndicators::add);
        Delivery.Builder builder = Delivery.builder(dataSource).syndicators(syndicators)
                .metrics(metrics.getIfAvailable(() -> HeraldMetrics.NONE));
        if (config != null) config.queueSlots().forEach(builder::slots);
        String threads = settings.get(HeraldProperties.DELIVERY_THREADS);
        if (threads != null) builder.threads(threads(threads));
        Delivery delivery = builder.build().start();
        started.set(delivery.client());
        return delivery;
    }

    /** The client for scheduling and managing shares. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(Delivery.class)
    public DeliveryClient heraldDeliveryClient(Delivery delivery, ObjectProvider<HeraldMetrics> metrics) {
        DeliveryClient client = delivery.client();
        if (metrics.getIfAvailable() instanceof MicrometerMetrics m) {
            m.shareStates(Arrays.stream(ShareState.values()).map(ShareState::name).toList(), () -> {
                Map<String, Long> counts = new LinkedHashMap<>();
                client.stats().shares().forEach((state, n) -> counts.put(state.name(), n));
                return counts;
            });
        }
        return client;
    }

    private static int threads(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(HeraldProperties.DELIVERY_THREADS + "='" + value + "' is not a whole number", e);
        }
    }

    /** Accounts to send to: {@code herald.yaml}'s, or {@link Syndicator} beans of the app's. */
    static final class AccountsConfigured extends AnyNestedCondition {
        AccountsConfigured() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(SyndicationConfig.class)
        static final class FromYaml {}

        @ConditionalOnBean(Syndicator.class)
        static final class FromBeans {}
    }

    /**
     * {@code dataSource} unless it is an in-memory database Boot made up for want of a configured
     * one ({@code spring.datasource.url} unset): the outbox must survive a restart.
     */
    static DataSource durable(DataSource dataSource, ConfigurableEnvironment environment) {
        if (dataSource == null) return null;
        if (environment.containsProperty("spring.datasource.url") || environment.containsProperty("spring.datasource.jndi-name")) {
            return dataSource;
        }
        try (Connection c = dataSource.getConnection()) {
            String url = String.valueOf(c.getMetaData().getURL()).toLowerCase(Locale.ROOT);
            boolean memory = url.startsWith("jdbc:h2:mem:") || url.startsWith("jdbc:hsqldb:mem:") || url.startsWith("jdbc:derby:memory:");
            return memory ? null : dataSource;
        } catch (SQLException e) {
            throw new IllegalStateException("Herald cannot reach the application's DataSource: " + e.getMessage(), e);
        }
    }
}

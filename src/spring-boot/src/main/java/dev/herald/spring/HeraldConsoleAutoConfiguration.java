package dev.herald.spring;

import dev.herald.console.Console;
import dev.herald.console.ContainerRoles;
import dev.herald.console.PageReader;
import dev.herald.delivery.DeliveryClient;
import dev.herald.syndication.FetchPolicy;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.config.ConfigException;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.syndication.config.SyndicatorFactory;
import jakarta.servlet.ServletRegistration;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The marketing console mounted in a Spring Boot servlet app, only when herald-console is on the
 * class path and {@code herald.console.enabled=true}: a {@link Console} over the app's
 * {@link DeliveryClient} and accounts, its servlet at {@code herald.console.path} (default
 * {@code /herald/console}), users' console roles read from the app's roles through
 * {@code request.isUserInRole} (which Spring Security answers from the user's authorities) as
 * {@code herald.console.roles.*} map them.
 *
 * <p>Signing in is the app's job: the console refuses anyone the app has not signed in with a
 * mapped role. It checks its own form token on every change. Backs off when the app defines its own
 * {@link Console} bean (that one is mounted instead) or registers a console servlet itself in a
 * {@link ServletRegistrationBean}.
 */
@AutoConfiguration(after = {HeraldAutoConfiguration.class, HeraldDeliveryAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({Console.class, ServletRegistrationBean.class})
@ConditionalOnProperty(name = HeraldProperties.CONSOLE_ENABLED, havingValue = "true")
public class HeraldConsoleAutoConfiguration {
    private static final Logger log = LoggerFactory.getLogger(HeraldConsoleAutoConfiguration.class);
    /** The name the console's servlet is registered under. */
    public static final String SERVLET_NAME = "herald-console";

    /** Created by Spring. */
    public HeraldConsoleAutoConfiguration() {}

    /** The HTTP client the console reads article pages with; closed with the application. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(Console.class)
    ConsoleHttp heraldConsoleHttp(ObjectProvider<SyndicationConfig> yaml, ConfigurableEnvironment environment) {
        ConsoleSettings settings = ConsoleSettings.from(HeraldProperties.read(environment));
        List<String> allow = new ArrayList<>();
        SyndicationConfig config = yaml.getIfAvailable();
        if (config != null) allow.addAll(config.fetchPolicy().allow());
        allow.addAll(settings.fetchAllow());
        return new ConsoleHttp(HttpTransport.builder().fetchPolicy(new FetchPolicy(allow)).build());
    }

    /**
     * The console over the app's {@link DeliveryClient}, with the accounts of {@code herald.yaml}
     * (or {@code herald.syndication.*}) and the app's {@link Syndicator} beans for previews and
     * credential checks, and the app's {@link PageReader} bean if it defines one.
     *
     * @throws IllegalStateException when the app has no {@code DeliveryClient}: there is nothing to manage
     * @throws IllegalArgumentException naming a {@code herald.console.*} key whose value is invalid
     */
    @Bean
    @ConditionalOnMissingBean
    public Console heraldConsole(ObjectProvider<DeliveryClient> clients, ObjectProvider<SyndicationConfig> yaml,
            ObjectProvider<Syndicator> beans, ObjectProvider<PageReader> readers, ObjectProvider<ConsoleHttp> http,
            ConfigurableEnvironment environment) {
        ConsoleSettings settings = ConsoleSettings.from(HeraldProperties.read(environment));
        DeliveryClient client = clients.getIfUnique();
        if (client == null) {
            throw new IllegalStateException(HeraldProperties.CONSOLE_ENABLED + "=true, but the app has no single DeliveryClient for the console"
                    + " to manage: add herald-delivery and accounts (herald.syndication.* or Syndicator beans), or define a DeliveryClient bean");
        }
        SyndicationConfig config = yaml.getIfAvailable();
        HttpTransport transport = http.getObject().transport();
        List<Syndicator> syndicators = new ArrayList<>();
        if (config != null) syndicators.addAll(accounts(config, transport));
        beans.orderedStream().forEach(syndicators::add);
        Map<String, String> site = config != null ? config.siteProperties() : Map.of();
        Console.Builder console = Console.builder(client)
                .syndicators(syndicators)
                .pages(readers.getIfAvailable(() -> new PageReader(transport, site)))
                .authenticator(ContainerRoles.mapped(settings.roles()))
                .zone(settings.zone());
        if (config != null) console.slots(config.queueSlots());
        if (settings.feed() != null) console.feed(settings.feed());
        return console.build();
    }

    /**
     * Mounts the console's servlet at {@code herald.console.path}, unless the app registers one of
     * its own in a {@link ServletRegistrationBean}.
     *
     * @throws IllegalStateException when another servlet already has the console's name or mapping
     */
    @Bean
    public ServletContextInitializer heraldConsoleServlet(Console console, ObjectProvider<ServletRegistrationBean<?>> registrations,
            ConfigurableEnvironment environment) {
        ConsoleSettings settings = ConsoleSettings.from(HeraldProperties.read(environment));
        return context -> {
            if (registrations.orderedStream().anyMatch(HeraldConsoleAutoConfiguration::isConsole)) {
                log.debug("Herald console: the app registers its own console servlet");
                return;
            }
            ServletRegistration.Dynamic servlet = context.addServlet(SERVLET_NAME, console.servlet());
            if (servlet == null || !servlet.addMapping(settings.mapping()).isEmpty()) {
                throw new IllegalStateException("Herald cannot mount its console at " + settings.mapping()
                        + ": another servlet is registered under that name or mapping; set " + HeraldProperties.CONSOLE_PATH
                        + " to a free path, or register console.servlet() in a ServletRegistrationBean yourself");
            }
            log.info("Herald console mounted at {}", settings.path());
        };
    }

    /** Whether {@code registration} is the app's own registration of a console servlet. */
    private static boolean isConsole(ServletRegistrationBean<?> registration) {
        return registration.getServlet() != null && registration.getServlet().getClass().getPackageName().equals(Console.class.getPackageName());
    }

    /**
     * The yaml's accounts. A node that only schedules, while another process sends, may lack their
     * credentials: previews need none, so it gets stand-ins, and a credential check says it failed.
     */
    private static List<Syndicator> accounts(SyndicationConfig config, HttpTransport transport) {
        try {
            return new SyndicatorFactory(transport, Clock.systemUTC(), SecretSource.environment()).createAll(config);
        } catch (ConfigException missingCredential) {
            log.warn("Herald console: credentials are not all set here ({}); previews work, credential checks will fail",
                    missingCredential.getMessage());
            return new SyndicatorFactory(transport, Clock.systemUTC(), SecretSource.placeholders()).createAll(config);
        }
    }

    /** The console's own HTTP client, apart from the senders' so that its fetch allow-list stays its own. */
    record ConsoleHttp(HttpTransport transport) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            transport.close();
        }
    }
}

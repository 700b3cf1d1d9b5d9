package dev.herald.spring;

import dev.herald.metrics.HeraldMetrics;
import dev.herald.metrics.MicrometerMetrics;
import dev.herald.page.HeraldConfig;
import dev.herald.page.ShareFilter;
import dev.herald.share.ShareCounter;
import dev.herald.share.ShareEndpointRegistrar;
import dev.herald.share.ShareServlet;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Herald in a Spring Boot servlet application: one {@link HeraldConfig} from {@code herald.*}
 * properties, the {@link ShareFilter} on every page with it, and the share endpoint with the same
 * configuration when {@code herald.buttons.endpoint} names a path of this app.
 *
 * <p>Each piece backs off when the application defines its own: a {@link HeraldConfig} bean, a
 * {@link ShareFilter} (or a {@code FilterRegistrationBean} of one), a {@link ShareServlet} (or a
 * {@code ServletRegistrationBean} of one), a {@link HeraldMetrics} bean. {@code herald.filter.enabled=false}
 * leaves the filter out and {@code herald.metrics.enabled=false} the metrics.
 */
@AutoConfiguration(afterName = {
        // Boot 3, then Boot 4: the MeterRegistry bean exists by the time the metrics are wired.
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ShareFilter.class, FilterRegistrationBean.class})
public class HeraldAutoConfiguration {
    private static final Logger log = LoggerFactory.getLogger(HeraldAutoConfiguration.class);

    /** Created by Spring. */
    public HeraldAutoConfiguration() {}

    /**
     * The site's configuration from {@code herald.*} properties.
     *
     * @throws IllegalArgumentException naming the key and the value when one is invalid, so the app does not start half-configured
     */
    @Bean
    @ConditionalOnMissingBean
    public HeraldConfig heraldConfig(ConfigurableEnvironment environment) {
        return HeraldProperties.config(environment);
    }

    /** The filter on {@code /*} for REQUEST, FORWARD and ASYNC dispatches, late in the chain so security and compression wrap it. */
    @Bean
    @ConditionalOnMissingBean(value = ShareFilter.class, parameterizedContainer = FilterRegistrationBean.class)
    @ConditionalOnProperty(name = HeraldProperties.FILTER_ENABLED, matchIfMissing = true)
    public FilterRegistrationBean<ShareFilter> heraldFilter(HeraldConfig config, ConfigurableEnvironment environment) {
        FilterRegistrationBean<ShareFilter> registration = new FilterRegistrationBean<>(new ShareFilter(config));
        registration.setName("herald");
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ASYNC);
        registration.setAsyncSupported(true);
        registration.setOrder(environment.getProperty(HeraldProperties.FILTER_ORDER, Integer.class, Ordered.LOWEST_PRECEDENCE - 100));
        return registration;
    }

    /**
     * Publishes what the filter, the share endpoint and the taglib read from the servlet context:
     * the configuration, the metrics, and the app's {@link ShareCounter} bean if it defines one;
     * then maps the share endpoint when {@code herald.buttons.endpoint} names a path of this app.
     */
    @Bean
    public ServletContextInitializer heraldServletContext(HeraldConfig config, ObjectProvider<HeraldMetrics> metrics,
            ObjectProvider<ShareCounter> counter, ObjectProvider<ShareServlet> servletBean,
            ObjectProvider<ServletRegistrationBean<ShareServlet>> servletRegistration) {
        boolean ownEndpoint = servletBean.getIfAvailable() != null || servletRegistration.getIfAvailable() != null;
        return context -> {
            context.setAttribute(HeraldConfig.CONTEXT_ATTRIBUTE, config);
            // NONE rather than nothing: without it the filter would fall back to Micrometer's global registry.
            context.setAttribute(HeraldMetrics.CONTEXT_ATTRIBUTE, metrics.getIfAvailable(() -> HeraldMetrics.NONE));
            ShareCounter c = counter.getIfAvailable();
            if (c != null) context.setAttribute(ShareServlet.COUNTER_ATTRIBUTE, c);
            if (ownEndpoint) return;
            String mapping = ShareEndpointRegistrar.mappingFor(config.buttons().endpoint(), context.getContextPath());
            if (mapping == null) return;
            ServletRegistration.Dynamic servlet = context.addServlet(ShareEndpointRegistrar.SERVLET_NAME, new ShareServlet(config));
            if (servlet == null || !servlet.addMapping(mapping).isEmpty()) {
                throw new IllegalStateException("Herald cannot map its share endpoint at " + mapping
                        + ": another servlet is registered under that name or mapping; define a ServletRegistrationBean<ShareServlet> yourself");
            }
            log.debug("Herald share endpoint mapped at {}", mapping);
        };
    }

    /** Metrics in the app's Micrometer registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    @ConditionalOnProperty(name = HeraldProperties.METRICS_ENABLED, matchIfMissing = true)
    static class Metrics {
        @Bean
        @ConditionalOnMissingBean
        HeraldMetrics heraldMetrics(MeterRegistry registry) {
            return new MicrometerMetrics(registry);
        }
    }
}

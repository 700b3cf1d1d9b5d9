package dev.herald.spring;

import dev.herald.delivery.DeliveryClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Actuator health indicator {@code herald} ({@link DeliveryHealth}) when the app has a
 * {@link DeliveryClient}: Boot 3's or Boot 4's health API, whichever is present. Turn it off with
 * {@code management.health.herald.enabled=false}; define a bean named {@code heraldHealthIndicator}
 * to replace it.
 */
@AutoConfiguration(after = HeraldDeliveryAutoConfiguration.class)
@ConditionalOnClass(DeliveryClient.class)
@ConditionalOnProperty(name = "management.health.herald.enabled", matchIfMissing = true)
public class HeraldHealthAutoConfiguration {
    /** Created by Spring. */
    public HeraldHealthAutoConfiguration() {}

    /** Boot 3's health API. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    static class Boot3 {
        @Bean
        @ConditionalOnMissingBean(name = "heraldHealthIndicator")
        @ConditionalOnBean(DeliveryClient.class)
        Boot3DeliveryHealthIndicator heraldHealthIndicator(DeliveryClient client) {
            return new Boot3DeliveryHealthIndicator(client);
        }
    }

    /** Boot 4's health API. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class Boot4 {
        @Bean
        @ConditionalOnMissingBean(name = "heraldHealthIndicator")
        @ConditionalOnBean(DeliveryClient.class)
        Boot4DeliveryHealthIndicator heraldHealthIndicator(DeliveryClient client) {
            return new Boot4DeliveryHealthIndicator(client);
        }
    }
}

/**
 * Spring Boot auto-configuration for Herald (Boot 3 and Boot 4): the filter and the share endpoint
 * on one {@link dev.herald.page.HeraldConfig} read from {@code herald.*} properties, Micrometer
 * metrics, delivery on the application's {@code DataSource}, an Actuator health indicator, and the
 * marketing console when {@code herald.console.enabled=true}. Every bean backs off when the
 * application defines its own.
 */
package dev.herald.spring;

/**
 * Metrics: what Herald's filter, share endpoint and delivery report, through
 * {@link dev.herald.metrics.HeraldMetrics}. {@link dev.herald.metrics.MicrometerMetrics} records
 * them with Micrometer when it is on the class path; Herald does not depend on it otherwise.
 */
package dev.herald.metrics;

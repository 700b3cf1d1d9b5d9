/**
 * Durable delivery: an outbox of shares (one article to one account) in a database, sent by
 * db-scheduler exactly once per share across restarts and cluster nodes, with retries, dead
 * letters, time-zone-aware scheduling, queue slots and per-network quotas.
 *
 * <p>Start at {@link dev.herald.delivery.Delivery}: it builds the running engine and the
 * {@link dev.herald.delivery.DeliveryClient} that application code uses.
 */
package dev.herald.delivery;

/**
 * The marketing console: server-rendered pages to compose, schedule, reschedule and track shares,
 * over the same {@link dev.herald.delivery.DeliveryClient} the CLI uses. It adds pages, not logic.
 *
 * <p>Start at {@link dev.herald.console.Console}: mount its {@linkplain Console#servlet() servlet}
 * in the site's own app (roles from the container), or run {@link dev.herald.console.ConsoleServer}
 * standalone (users from {@code herald.yaml}).
 */
package dev.herald.console;

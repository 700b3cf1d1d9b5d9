package dev.herald.metrics;

import jakarta.servlet.ServletContext;
import java.time.Duration;

/**
 * Receives what Herald does, for counting: the filter's rewrites, cache lookups and pass-throughs,
 * the share endpoint's shares and refusals, delivery's attempts, lag and quota deferrals.
 *
 * <p>Implementations must be thread-safe and cheap: they are called on request and worker threads.
 * Every method has a no-op default, so an implementation records only what it cares about.
 * {@link MicrometerMetrics} is the implementation Herald ships.
 */
public interface HeraldMetrics {
    /** Records nothing. */
    HeraldMetrics NONE = new HeraldMetrics() {};

    /**
     * Servlet-context attribute holding the {@link HeraldMetrics} the filter and the share endpoint
     * record to; set it before they start (a Spring Boot app gets it from the auto-configuration).
     */
    String CONTEXT_ATTRIBUTE = HeraldMetrics.class.getName();

    /**
     * The metrics of the web app {@code context}: the {@link HeraldMetrics} published under
     * {@link #CONTEXT_ATTRIBUTE}, else {@link #global()}.
     */
    static HeraldMetrics of(ServletContext context) {
        Object published = context == null ? null : context.getAttribute(CONTEXT_ATTRIBUTE);
        return published instanceof HeraldMetrics m ? m : global();
    }

    /**
     * Micrometer's global registry when Micrometer is on the class path (the convention for
     * libraries: the application decides where the global registry reports), else {@link #NONE}.
     */
    static HeraldMetrics global() {
        return MicrometerPresence.GLOBAL;
    }

    /** The filter rewrote a page (added tags or buttons). */
    default void pageRewritten() {}

    /** The filter found a page's rewrite in its cache ({@code hit}) or had to plan it. */
    default void cacheLookup(boolean hit) {}

    /**
     * The filter sent a response as the application wrote it, for {@code reason}: {@code disabled},
     * {@code not-selected} (method, path, exclusion or a skipped request), {@code not-a-page} (a HEAD of
     * a file), {@code response} (not a 2xx HTML body, encoded, too large or already committed),
     * {@code no-page-url}, {@code unchanged} (nothing to add) or {@code failed}.
     */
    default void passedThrough(String reason) {}

    /** The filter spent {@code time} planning the rewrite of a page not in its cache. */
    default void transformed(Duration time) {}

    /** The share endpoint sent a reader on to {@code network}'s share page. */
    default void shared(String network) {}

    /** The share endpoint refused a request with {@code status} (400 for a foreign page, 404 for an unknown network). */
    default void shareRefused(int status) {}

    /**
     * Delivery called {@code network} once, with {@code outcome}: {@code posted}, {@code duplicate},
     * {@code transient}, {@code rate_limited}, {@code auth_failed} or {@code permanent}.
     */
    default void deliveryAttempt(String network, String outcome) {}

    /** Delivery posted a share to {@code network} {@code lag} after it was due. */
    default void deliveryLag(String network, Duration lag) {}

    /** Delivery put off a due share because {@code network}'s posting quota was used up. */
    default void quotaDeferred(String network) {}
}

package dev.herald.spring;

import dev.herald.delivery.AccountStatus;
import dev.herald.delivery.DeliveryClient;
import dev.herald.delivery.DeliveryStats;
import dev.herald.delivery.ShareState;
import dev.herald.internal.Validate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivery's health, independent of Spring Boot's health API (which moved between Boot 3 and 4).
 *
 * <ul>
 *   <li>{@code DOWN} when the outbox cannot be read: nothing can be sent or scheduled.</li>
 *   <li>{@code OUT_OF_SERVICE} when an account's credentials were refused ({@code AUTH_FAILED}): its
 *       shares wait, safely, until the credentials are changed ({@link DeliveryClient#credentialsChanged});
 *       the application itself is fine, so this is not {@code DOWN}.</li>
 *   <li>{@code UP} otherwise.</li>
 * </ul>
 *
 * <p>Both fail a plain {@code /actuator/health} (HTTP 503); neither is in Boot's liveness or readiness
 * groups, so a refused Mastodon token never restarts or unroutes the site.
 *
 * @param status {@code UP}, {@code OUT_OF_SERVICE} or {@code DOWN}
 * @param details what the status rests on: {@code shares} by state, {@code accounts} by state,
 *     {@code reason} unless {@code UP}
 */
public record DeliveryHealth(String status, Map<String, Object> details) {
    /** Requires both. */
    public DeliveryHealth {
        Validate.notBlank(status, "status");
        details = Map.copyOf(details);
    }

    /** The health of the delivery {@code client} manages. */
    public static DeliveryHealth of(DeliveryClient client) {
        Map<String, Object> details = new LinkedHashMap<>();
        try {
            DeliveryStats stats = client.stats();
            Map<String, Long> shares = new LinkedHashMap<>();
            for (ShareState s : ShareState.values()) shares.put(s.name(), stats.count(s));
            details.put("shares", shares);
            Map<String, String> accounts = new LinkedHashMap<>();
            List<String> refused = new ArrayList<>();
            for (String name : client.accounts()) {
                AccountStatus account = client.account(name);
                accounts.put(name, account.state().name());
                if (account.authFailed()) {
                    refused.add(name + " (" + (account.message() == null ? "credentials refused" : account.message()) + ")");
                }
            }
            details.put("accounts", accounts);
            if (refused.isEmpty()) return new DeliveryHealth("UP", details);
            details.put("reason", "credentials refused for " + String.join(", ", refused)
                    + "; their shares wait until the credentials are changed");
            return new DeliveryHealth("OUT_OF_SERVICE", details);
        } catch (RuntimeException e) {
            details.put("reason", "the outbox cannot be read: " + e.getMessage());
            return new DeliveryHealth("DOWN", details);
        }
    }
}

package dev.herald.spring;

import dev.herald.console.Role;
import dev.herald.internal.Validate;
import dev.herald.syndication.FetchPolicy;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code herald.console.*} settings, checked: where the console is mounted, which of the app's
 * roles grant each console role, the feed, the time zone and the extra hosts pages may be read from.
 *
 * @param path where the console is mounted, such as {@code /herald/console} (no trailing slash)
 * @param roles for each console role, the app's role names that grant it (an empty set: no one)
 * @param feed the site's feed, or {@code null}
 * @param zone the zone times are shown and entered in
 * @param fetchAllow non-public hosts and networks article pages may come from, in {@link FetchPolicy}'s forms
 */
record ConsoleSettings(String path, Map<Role, Set<String>> roles, URI feed, ZoneId zone, List<String> fetchAllow) {
    /** The path used when {@code herald.console.path} is not set. */
    static final String DEFAULT_PATH = "/herald/console";
    // Plain path segments: a wildcard, query or encoded character would not map as the user meant.
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~!$&'()+,;=:@-]+)+");

    ConsoleSettings {
        Validate.isTrue(path != null && PATH.matcher(path).matches(), "path",
                "must be a path of this app such as /herald/console, not the root");
        Validate.notNull(roles, "roles");
        Map<Role, Set<String>> copy = new EnumMap<>(Role.class);
        roles.forEach((role, names) -> copy.put(role, Set.copyOf(names)));
        roles = Map.copyOf(copy);
        Validate.notNull(zone, "zone");
        fetchAllow = List.copyOf(fetchAllow);
    }

    /**
     * The settings among {@code settings} (official keys, as {@link HeraldProperties#read} gives them).
     *
     * @throws IllegalArgumentException naming the key and the value when one is invalid
     */
    static ConsoleSettings from(Map<String, String> settings) {
        Validate.notNull(settings, "settings");
        String path = settings.getOrDefault(HeraldProperties.CONSOLE_PATH, DEFAULT_PATH).strip();
        if (path.length() > 1 && path.endsWith("/")) path = path.substring(0, path.length() - 1);
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException(HeraldProperties.CONSOLE_PATH + "='" + Validate.abbreviate(path)
                    + "' must be a path of this app such as /herald/console: plain segments, no wildcard, not the root");
        }
        Map<Role, Set<String>> roles = new EnumMap<>(Role.class);
        roles.put(Role.VIEWER, roleNames(settings, HeraldProperties.CONSOLE_ROLES_VIEWER, Role.VIEWER));
        roles.put(Role.EDITOR, roleNames(settings, HeraldProperties.CONSOLE_ROLES_EDITOR, Role.EDITOR));
        roles.put(Role.ADMIN, roleNames(settings, HeraldProperties.CONSOLE_ROLES_ADMIN, Role.ADMIN));
        URI feed = null;
        String feedValue = settings.get(HeraldProperties.CONSOLE_FEED);
        if (feedValue != null && !feedValue.isBlank()) {
            try {
                feed = Validate.httpUrl(URI.create(feedValue.strip()), "feed");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(HeraldProperties.CONSOLE_FEED + "='" + Validate.abbreviate(feedValue)
                        + "' is not an absolute http(s) URL", e);
            }
        }
        ZoneId zone = ZoneId.of("UTC");
        String zoneValue = settings.get(HeraldProperties.CONSOLE_ZONE);
        if (zoneValue != null && !zoneValue.isBlank()) {
            try {
                zone = ZoneId.of(zoneValue.strip());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(HeraldProperties.CONSOLE_ZONE + "='" + Validate.abbreviate(zoneValue)
                        + "' is not a time zone such as Europe/London", e);
            }
        }
        List<String> allow = list(settings.get(HeraldProperties.CONSOLE_FETCH_ALLOW));
        try {
            new FetchPolicy(allow);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(HeraldProperties.CONSOLE_FETCH_ALLOW + ": " + e.getMessage(), e);
        }
        return new ConsoleSettings(path, roles, feed, zone, allow);
    }

    /** The servlet mapping of {@link #path}: everything under it. */
    String mapping() {
        return path + "/*";
    }

    /** An unset key gives the conventional {@code herald-<role>}; a key set empty grants the role to no one. */
    private static Set<String> roleNames(Map<String, String> settings, String key, Role role) {
        String value = settings.get(key);
        if (value == null) return Set.of("herald-" + role.label());
        return new LinkedHashSet<>(list(value));
    }

    private static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) return out;
        for (String part : value.split(",")) {
            if (!part.isBlank()) out.add(part.strip());
        }
        return out;
    }
}

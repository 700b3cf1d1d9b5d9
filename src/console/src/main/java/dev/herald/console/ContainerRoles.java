package dev.herald.console;

import dev.herald.internal.Validate;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Herald roles from the site's own sign-in: the container's ({@code request.isUserInRole}), which
 * Spring Security also answers. Each Herald role is granted by one or more of the app's role names;
 * the highest role the user holds wins. By default the app's roles are named {@code herald-viewer},
 * {@code herald-editor} and {@code herald-admin}.
 */
public final class ContainerRoles implements Authenticator {
    private final Map<Role, Set<String>> mapping;

    private ContainerRoles(Map<Role, Set<String>> mapping) {
        this.mapping = mapping;
    }

    /** The default mapping: app roles {@code herald-viewer}, {@code herald-editor}, {@code herald-admin}. */
    public static ContainerRoles standard() {
        return mapped(Map.of(Role.VIEWER, Set.of("herald-viewer"), Role.EDITOR, Set.of("herald-editor"), Role.ADMIN, Set.of("herald-admin")));
    }

    /**
     * Herald roles granted by the app's roles: {@code Role.EDITOR -> {"marketing", "ROLE_EDITOR"}}
     * means a user in either app role is a console editor. Roles not in the map are granted to no one.
     */
    public static ContainerRoles mapped(Map<Role, Set<String>> appRoles) {
        Validate.notNull(appRoles, "appRoles");
        Map<Role, Set<String>> copy = new EnumMap<>(Role.class);
        appRoles.forEach((role, names) -> {
            Validate.notNull(role, "role");
            Validate.notNull(names, "names");
            names.forEach(n -> Validate.notBlank(n, "app role"));
            copy.put(role, Set.copyOf(names));
        });
        return new ContainerRoles(Map.copyOf(copy));
    }

    @Override
    public Optional<ConsoleUser> user(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        if (principal == null) return Optional.empty();
        List<Role> highestFirst = new ArrayList<>(List.of(Role.values()));
        java.util.Collections.reverse(highestFirst);
        for (Role role : highestFirst) {
            for (String appRole : mapping.getOrDefault(role, Set.of())) {
                if (request.isUserInRole(appRole)) return Optional.of(new ConsoleUser(principal.getName(), role));
            }
        }
        return Optional.empty();
    }
}

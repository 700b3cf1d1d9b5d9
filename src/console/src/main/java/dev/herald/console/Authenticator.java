package dev.herald.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Says who sent a request and with which Herald role: from the container's own sign-in
 * ({@link ContainerRoles}) or from the console's sign-in page ({@link ConsoleUsers}, standalone).
 */
public interface Authenticator {
    /** The signed-in user, or empty when the request carries no one with a console role. */
    Optional<ConsoleUser> user(HttpServletRequest request);

    /** Whether the console shows its own sign-in page (standalone) rather than relying on the site's. */
    default boolean ownsSignIn() {
        return false;
    }
}

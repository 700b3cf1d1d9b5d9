package dev.herald.console.view;

import dev.herald.console.ConsoleUser;

/**
 * What every page shares: its title and navigation entry, the user, the form token, the console's
 * base path, and a one-time message from the last action.
 *
 * @param title the page's title
 * @param nav the navigation entry to mark as current ({@code compose}, {@code queue}...)
 * @param user the signed-in user, or {@code null} on the sign-in page
 * @param csrf the session's form token
 * @param base the console's path, such as {@code /herald/console}, without a trailing slash
 * @param flash a message from the last action, or {@code null}
 * @param flashError whether that message reports a refusal
 * @param signOut whether the console shows its own sign-out button (standalone)
 * @param zone the time zone times are shown in
 */
public record Chrome(String title, String nav, ConsoleUser user, String csrf, String base, String flash, boolean flashError,
        boolean signOut, String zone) {
    /** Whether the user may change things (editor or admin). */
    public boolean canEdit() {
        return user != null && user.may(dev.herald.console.Role.EDITOR);
    }

    /** Whether the user is an admin. */
    public boolean isAdmin() {
        return user != null && user.may(dev.herald.console.Role.ADMIN);
    }

    /** The URL of a console path, such as {@code /queue}. */
    public String to(String path) {
        return base + path;
    }

    /** {@code current} when {@code entry} is this page's navigation entry, else {@code null} (no attribute). */
    public String current(String entry) {
        return entry.equals(nav) ? "page" : null;
    }
}

package dev.herald.console;

import dev.herald.internal.Validate;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.security.SecureRandom;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The standalone console's users, from the {@code console:} section of {@code herald.yaml}, each
 * with a bcrypt password hash ({@code herald console hash-password} makes one):
 *
 * <pre>{@code
 * console:
 *   zone: Europe/Berlin          # optional: the zone times are shown and entered in (default UTC)
 *   users:
 *     - name: alice
 *       role: editor             # viewer, editor or admin
 *       password: "$2a$12$..."   # a bcrypt hash, never the password
 * }</pre>
 *
 * <p>As an {@link Authenticator} it reads the user the sign-in page put in the session.
 */
public final class ConsoleUsers implements Authenticator {
    static final String SESSION_USER = "dev.herald.console.user";
    /** bcrypt's cost factor for new hashes: about a quarter of a second on a laptop. */
    static final int COST = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    // Checked when the name is unknown, so that a wrong name takes as long as a wrong password.
    private static final String DUMMY_HASH = BCrypt.hashpw("herald-console-no-such-user", BCrypt.gensalt(COST, RANDOM));

    private record Entry(ConsoleUser user, String hash) {}

    private final Map<String, Entry> users;
    private final ZoneId zone;

    private ConsoleUsers(Map<String, Entry> users, ZoneId zone) {
        this.users = users;
        this.zone = zone;
    }

    /** Reads the {@code console:} section of the {@code herald.yaml} at {@code file}. */
    public static ConsoleUsers load(Path file) {
        Validate.notNull(file, "file");
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the {@code console:} section of a {@code herald.yaml} text.
     *
     * @throws IllegalArgumentException naming {@code source} when the section is missing, a user has no
     *     name, an unknown role, or a password that is not a bcrypt hash
     */
    @SuppressWarnings("unchecked")
    public static ConsoleUsers parse(String yaml, String source) {
        Validate.notNull(yaml, "yaml");
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        Object section = root instanceof Map<?, ?> m ? m.get("console") : null;
        if (!(section instanceof Map<?, ?> console)) {
            throw new IllegalArgumentException(source + ": no 'console:' section with users; see docs/console.md");
        }
        ZoneId zone = ZoneId.of("UTC");
        if (console.get("zone") != null) {
            try {
                zone = ZoneId.of(String.valueOf(console.get("zone")));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(source + ": console.zone: unknown time zone '" + console.get("zone") + "'");
            }
        }
        if (!(console.get("users") instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException(source + ": console.users must list at least one user");
        }
        Map<String, Entry> users = new LinkedHashMap<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> u)) throw new IllegalArgumentException(source + ": each console user needs name, role and password");
            String name = u.get("name") == null ? "" : String.valueOf(u.get("name")).strip();
            if (name.isEmpty()) throw new IllegalArgumentException(source + ": a console user has no name");
            String where = source + ": console user '" + name + "'";
            Role role;
            try {
                role = Role.of(u.get("role") == null ? null : String.valueOf(u.get("role")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
            String hash = u.get("password") == null ? "" : String.valueOf(u.get("password")).strip();
            if (!isBcrypt(hash)) {
                throw new IllegalArgumentException(where + ": password must be a bcrypt hash (make one with 'herald console hash-password'), never the password itself");
            }
            if (users.put(name, new Entry(new ConsoleUser(name, role), hash)) != null) {
                throw new IllegalArgumentException(where + ": listed twice");
            }
        }
        return new ConsoleUsers(Map.copyOf(users), zone);
    }

    /** A bcrypt hash of {@code password}, for the {@code password:} key of a console user. */
    public static String hash(String password) {
        Validate.notNull(password, "password");
        Validate.isTrue(password.length() >= 8, "password", "must have at least 8 characters");
        // bcrypt reads only the first 72 bytes; a longer password would silently match its prefix.
        Validate.isTrue(password.getBytes(StandardCharsets.UTF_8).length <= 72, "password", "must be at most 72 bytes (a bcrypt limit)");
        // BCrypt itself, not the PasswordEncoder around it, which needs commons-logging at run time.
        return BCrypt.hashpw(password, BCrypt.gensalt(COST, RANDOM));
    }

    /** The user whose name and password these are; empty for a wrong name or password (it takes as long either way). */
    public Optional<ConsoleUser> authenticate(String name, String password) {
        if (name == null || password == null) return Optional.empty();
        Entry e = users.get(name.strip());
        boolean matches;
        try {
            matches = BCrypt.checkpw(password, e == null ? DUMMY_HASH : e.hash());
        } catch (IllegalArgumentException tooLong) {
            matches = false; // over bcrypt's 72 bytes: no stored password can be that long
        }
        return e != null && matches ? Optional.of(e.user()) : Optional.empty();
    }

    /** The zone times are shown and entered in. */
    public ZoneId zone() {
        return zone;
    }

    /** How many users are configured. */
    public int size() {
        return users.size();
    }

    @Override
    public Optional<ConsoleUser> user(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SESSION_USER) instanceof String name)) return Optional.empty();
        Entry e = users.get(name);
        return e == null ? Optional.empty() : Optional.of(e.user());
    }

    @Override
    public boolean ownsSignIn() {
        return true;
    }

    private static boolean isBcrypt(String hash) {
        return hash.matches("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");
    }
}

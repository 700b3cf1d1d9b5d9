package dev.herald.console;

import dev.herald.console.view.ShareRow;
import dev.herald.delivery.Recurrence;
import dev.herald.delivery.SendTime;
import dev.herald.delivery.Share;
import dev.herald.delivery.ShareState;
import dev.herald.syndication.Syndicator;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the pages show of shares and accounts: the share a form names, a share as a row, who
 * scheduled what, account names and networks, times in the console's zone, and the parsing of
 * times and re-share settings people type.
 */
final class ConsoleModel {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    static final int LIST_LIMIT = 1000;

    private final Console c;

    ConsoleModel(Console console) {
        this.c = console;
    }

    Share share(HttpServletRequest req) {
        String id = req.getParameter("id");
        if (id == null || id.isBlank()) return null;
        try {
            return c.client.resolve(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    ShareRow row(Share s, Map<String, String> by) {
        return row(s, by, List.of());
    }

    ShareRow row(Share s, Map<String, String> by, List<String> attemptLines) {
        ZonedDateTime due = s.dueAt().atZone(c.zone);
        boolean movable = s.state() == ShareState.SCHEDULED || s.state() == ShareState.FAILED;
        boolean retryable = s.state() == ShareState.FAILED || s.state() == ShareState.DEAD || s.state() == ShareState.CANCELLED
                || s.state() == ShareState.UNCERTAIN;
        return new ShareRow(s.id(), s.shortId(), s.account(), s.network(), s.headline(), s.articleUrl().toString(),
                s.state().name().toLowerCase(Locale.ROOT), shown(s.dueAt()), INPUT.format(due), due.toLocalDate().toString(),
                String.format(Locale.ROOT, "%02d:%02d", due.getHour(), due.getMinute()), s.postedAt() == null ? null : shown(s.postedAt()),
                httpOrNull(s.remoteUrl()), s.attempts(), s.lastOutcome(), s.lastMessage(), s.text(), by.get(s.id()), movable, retryable,
                isUncertain(s) || s.state() == ShareState.DEAD, attemptLines);
    }

    List<String> attemptLines(Share s) {
        List<String> out = new ArrayList<>();
        for (dev.herald.delivery.Attempt a : c.client.attempts(s.id())) {
            out.add("#" + a.number() + " " + shown(a.at()) + " — " + a.outcome().replace('_', ' ') + (a.message() == null ? "" : ": " + a.message())
                    + (a.node() == null ? "" : " (" + a.node() + ")"));
        }
        return out;
    }

    static boolean isUncertain(Share s) {
        return s.state() == ShareState.UNCERTAIN;
    }

    /** Only http(s) links are ever written into a page: a network could report anything as a post's URL. */
    static String httpOrNull(URI u) {
        if (u == null || u.getScheme() == null) return null;
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https") ? u.toString() : null;
    }

    /** Who scheduled each share, from the audit trail. */
    Map<String, String> scheduledBy() {
        Map<String, String> by = new HashMap<>();
        for (dev.herald.delivery.AuditEntry e : c.client.auditLog(10_000)) {
            if (e.action().equals("schedule")) by.putIfAbsent(e.target(), e.actor());
        }
        return by;
    }

    List<String> accountNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Syndicator s : c.syndicators) names.add(s.account());
        names.addAll(c.client.accounts());
        return List.copyOf(names);
    }

    Map<String, Syndicator> syndicators() {
        Map<String, Syndicator> out = new HashMap<>();
        for (Syndicator s : c.syndicators) out.put(s.account(), s);
        return out;
    }

    /**
     * What a person is told when an article cannot be read. A host refused by the fetch guard is
     * reported without the address it resolved to, so the console never maps the site's inside.
     */
    static String readError(Exception e) {
        if (e instanceof java.net.UnknownHostException) return "its host is unknown or not a public address (the fetch allow-list decides)";
        return String.valueOf(e.getMessage());
    }

    String network(String account) {
        for (Syndicator s : c.syndicators) if (s.account().equals(account)) return s.network();
        return null;
    }

    String shown(Instant at) {
        return SHOWN.format(at.atZone(c.zone));
    }

    static SendTime localTime(String at, String zone) {
        if (at == null || at.isEmpty()) throw new IllegalArgumentException("give a date and time");
        ZoneId z;
        try {
            z = ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + zone + "' (use a name such as Europe/Berlin)");
        }
        try {
            return SendTime.at(LocalDateTime.parse(at.strip()), z);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + at + "' is not a date and time such as 2026-12-08T09:00");
        }
    }

    static Recurrence recurrence(String everyDays, String times) {
        try {
            return Recurrence.everyDays(Integer.parseInt(everyDays.strip()), Integer.parseInt(times.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("for re-shares, give whole numbers of days between them and of times");
        }
    }

    static String human(Duration d) {
        if (d.toDays() >= 1 && d.toHoursPart() == 0) return d.toDays() == 1 ? "24 h" : d.toDays() + " days";
        if (d.toHours() >= 1) return d.toHours() + " h";
        if (d.toMinutes() >= 1) return d.toMinutes() + " min";
        return Math.max(1, d.toSeconds()) + " s";
    }
}

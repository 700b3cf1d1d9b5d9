package dev.herald.cli;

import dev.herald.delivery.Share;
import dev.herald.delivery.ShareState;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * How the CLI shows shares: a short id, the account, the state, the time in the account's zone
 * (else the user's), and the headline, so a person can tell shares apart at a glance.
 */
final class ShareLines {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ROOT);
    private static final int HEADLINE_MAX = 48;

    private final Map<String, ZoneId> accountZones;
    private final ZoneId userZone;
    private final boolean userZoneChosen;

    /**
     * @param accountZones each account's own zone (from its queue slots)
     * @param userZone the zone the user asked for with {@code --zone}, or {@code null} for this machine's
     */
    ShareLines(Map<String, ZoneId> accountZones, ZoneId userZone) {
        this.accountZones = Map.copyOf(accountZones);
        this.userZoneChosen = userZone != null;
        this.userZone = userZone != null ? userZone : ZoneId.systemDefault();
    }

    /** The zone a share's times are shown in: the one asked for, else its account's, else this machine's. */
    ZoneId zoneOf(String account) {
        return userZoneChosen ? userZone : accountZones.getOrDefault(account, userZone);
    }

    /** {@code 2025-03-30 03:30 CEST}. */
    String time(Instant t, String account) {
        return TIME.format(t.atZone(zoneOf(account)));
    }

    /** One line for a list: id, account, state, when, headline, URL, and the last message if any. */
    String line(Share s) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s  %-12s %-9s ", s.shortId(), s.account(), s.state()));
        if (s.state() == ShareState.POSTED && s.postedAt() != null) {
            b.append("posted ").append(time(s.postedAt(), s.account()));
        } else {
            b.append("due ").append(time(s.dueAt(), s.account()));
        }
        b.append("  ").append(quoted(s.headline())).append("  ").append(s.articleUrl());
        if (s.text() != null) b.append("  [own text]");
        if (s.attempts() > 0 && s.state() != ShareState.POSTED) b.append("  attempts ").append(s.attempts());
        if (s.state() == ShareState.POSTED && s.remoteUrl() != null) b.append("  → ").append(s.remoteUrl());
        else if (s.lastMessage() != null) b.append("  — ").append(oneLine(s.lastMessage()));
        return b.toString();
    }

    /** The headline in quotes on one line, shortened with an ellipsis when long. */
    static String quoted(String headline) {
        String h = oneLine(headline);
        if (h.isEmpty()) return "(no headline)";
        if (h.codePointCount(0, h.length()) <= HEADLINE_MAX) return "'" + h + "'";
        // Cut between code points, never inside a surrogate pair.
        return "'" + h.substring(0, h.offsetByCodePoints(0, HEADLINE_MAX - 1)) + "…'";
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}

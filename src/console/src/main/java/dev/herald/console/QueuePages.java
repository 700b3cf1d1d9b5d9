package dev.herald.console;

import dev.herald.console.view.CalendarRow;
import dev.herald.console.view.QueuePage;
import dev.herald.console.view.ShareRow;
import dev.herald.delivery.DeliveryException;
import dev.herald.delivery.SendTime;
import dev.herald.delivery.Share;
import dev.herald.delivery.ShareQuery;
import dev.herald.delivery.ShareState;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The calendar and queue, and the actions on one share: move, cancel, send again, confirm as
 * posted, change its text.
 */
final class QueuePages {
    private final Console c;
    private final Web web;
    private final ConsoleModel model;

    QueuePages(Console console, Web web, ConsoleModel model) {
        this.c = console;
        this.web = web;
        this.model = model;
    }

    void queue(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException {
        String view = "month".equals(req.getParameter("view")) ? "month" : "week";
        String account = Web.orDefault(req.getParameter("account"), "");
        String stateName = Web.orDefault(req.getParameter("state"), "");
        String article = Web.orDefault(req.getParameter("article"), "");
        LocalDate today = c.clock.instant().atZone(c.zone).toLocalDate();
        LocalDate anchor = today;
        try {
            if (req.getParameter("start") != null && !req.getParameter("start").isBlank()) anchor = LocalDate.parse(req.getParameter("start").strip());
        } catch (DateTimeParseException e) {
            anchor = today;
        }
        // A date the calendar cannot page to or from (+999999999-12-31, say) would fail later, as a 500.
        if (anchor.getYear() < 1 || anchor.getYear() > 9999) anchor = today;
        LocalDate first;
        LocalDate end;
        if (view.equals("month")) {
            first = anchor.withDayOfMonth(1);
            end = first.plusMonths(1);
        } else {
            first = anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            end = first.plusWeeks(1);
        }
        Set<ShareState> states;
        if (!stateName.isEmpty()) {
            try {
                states = EnumSet.of(ShareState.valueOf(stateName.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                states = EnumSet.noneOf(ShareState.class);
                stateName = "";
            }
        } else {
            states = EnumSet.of(ShareState.SCHEDULED, ShareState.FAILED, ShareState.SENDING);
        }
        List<String> accounts = model.accountNames();
        List<Share> shares = new ArrayList<>(c.client.list(new ShareQuery(states, account.isEmpty() ? null : account, ConsoleModel.LIST_LIMIT)));
        String needle = article.toLowerCase(Locale.ROOT);
        if (!needle.isEmpty()) {
            shares.removeIf(s -> !s.headline().toLowerCase(Locale.ROOT).contains(needle) && !s.articleUrl().toString().toLowerCase(Locale.ROOT).contains(needle));
        }
        Map<String, String> by = model.scheduledBy();
        List<ShareRow> rows = shares.stream().map(s -> model.row(s, by)).toList();
        List<String> days = new ArrayList<>();
        for (LocalDate d = first; d.isBefore(end); d = d.plusDays(1)) days.add(ConsoleModel.DAY.format(d));
        List<CalendarRow> calendar = new ArrayList<>();
        Instant from = first.atStartOfDay(c.zone).toInstant();
        Instant to = end.atStartOfDay(c.zone).toInstant();
        for (String a : accounts) {
            if (!account.isEmpty() && !account.equals(a)) continue;
            Set<Instant> held = new java.util.HashSet<>();
            for (Share s : shares) {
                if (!s.account().equals(a)) continue;
                // A slot is taken by the share holding it, or by any share due at that very time.
                if (s.slotAt() != null) held.add(s.slotAt());
                held.add(s.dueAt());
            }
            Map<LocalDate, List<String>> free = new HashMap<>();
            if (c.slots.containsKey(a)) {
                for (Instant slot : c.slots.get(a).after(from.minusSeconds(1))) {
                    if (!slot.isBefore(to)) break;
                    if (held.contains(slot)) continue;
                    ZonedDateTime z = slot.atZone(c.zone);
                    free.computeIfAbsent(z.toLocalDate(), k -> new ArrayList<>()).add(String.format(Locale.ROOT, "%02d:%02d", z.getHour(), z.getMinute()));
                }
            }
            List<CalendarRow.Cell> cells = new ArrayList<>();
            for (LocalDate d = first; d.isBefore(end); d = d.plusDays(1)) {
                LocalDate day = d;
                List<ShareRow> inDay = new ArrayList<>();
                for (int i = 0; i < shares.size(); i++) {
                    Share s = shares.get(i);
                    if (s.account().equals(a) && s.dueAt().atZone(c.zone).toLocalDate().equals(day)) inDay.add(rows.get(i));
                }
                cells.add(new CalendarRow.Cell(day.toString(), ConsoleModel.DAY.format(day), inDay, free.getOrDefault(day, List.of()), day.equals(today)));
            }
            calendar.add(new CalendarRow(a, cells));
        }
        LocalDate prev = view.equals("month") ? first.minusMonths(1) : first.minusWeeks(1);
        String heading = view.equals("month") ? first.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH))
                : "Week of " + first.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
        String query = "account=" + Web.enc(account) + "&state=" + Web.enc(stateName) + "&article=" + Web.enc(article);
        List<String> stateNames = new ArrayList<>();
        for (ShareState s : ShareState.values()) stateNames.add(s.name().toLowerCase(Locale.ROOT));
        QueuePage page = new QueuePage(view, first.toString(), prev.toString(), end.toString(), heading, days, calendar, rows, accounts,
                stateNames, account, stateName.toLowerCase(Locale.ROOT), article, query);
        web.render(req, resp, user, "queue.jte", "Calendar and queue", "queue", page, HttpServletResponse.SC_OK);
    }

    void reschedule(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException {
        Share s = model.share(req);
        if (s == null) {
            web.back(req, resp, "No such share.", true);
            return;
        }
        try {
            if ("next".equals(req.getParameter("when"))) {
                Optional<Share> moved = c.client.as(user.name()).rescheduleNext(s.id());
                if (moved.isEmpty()) {
                    web.back(req, resp, "“" + s.headline() + "” on " + s.account() + " cannot be moved: it is being sent or was posted.", true);
                    return;
                }
                web.back(req, resp, "Moved “" + s.headline() + "” on " + s.account() + " to " + model.shown(moved.get().dueAt()) + ".", false);
                return;
            }
            SendTime when = ConsoleModel.localTime(Web.trim(req.getParameter("at")), Web.orDefault(req.getParameter("zone"), c.zone.getId()));
            if (!c.client.as(user.name()).reschedule(s.id(), when)) {
                web.back(req, resp, "“" + s.headline() + "” on " + s.account() + " cannot be moved: it is being sent or was posted.", true);
                return;
            }
            Instant at = when.resolve(c.clock);
            web.back(req, resp, "Moved “" + s.headline() + "” on " + s.account() + " to " + model.shown(at) + ".", false);
        } catch (IllegalArgumentException | DeliveryException e) {
            web.back(req, resp, "Not moved: " + e.getMessage(), true);
        }
    }

    void cancel(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException {
        Share s = model.share(req);
        if (s == null) {
            web.back(req, resp, "No such share.", true);
        } else if (c.client.as(user.name()).cancel(s.id())) {
            web.back(req, resp, "Cancelled “" + s.headline() + "” on " + s.account() + ".", false);
        } else {
            web.back(req, resp, "“" + s.headline() + "” on " + s.account() + " cannot be cancelled: it is being sent, was sent, or is dead.", true);
        }
    }

    void retry(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException {
        Share s = model.share(req);
        if (s == null) {
            web.back(req, resp, "No such share.", true);
        } else if (c.client.as(user.name()).retry(s.id())) {
            web.back(req, resp, "Sending “" + s.headline() + "” on " + s.account() + " again now.", false);
        } else {
            web.back(req, resp, "“" + s.headline() + "” on " + s.account() + " cannot be retried in its state (" + s.state().name().toLowerCase(Locale.ROOT) + ").", true);
        }
    }

    void confirm(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException {
        Share s = model.share(req);
        if (s == null) {
            web.back(req, resp, "No such share.", true);
            return;
        }
        String given = Web.trim(req.getParameter("url"));
        URI url = null;
        if (!given.isEmpty()) {
            try {
                url = URI.create(given);
            } catch (IllegalArgumentException e) {
                url = null;
            }
            if (ConsoleModel.httpOrNull(url) == null || url.getHost() == null) {
                web.back(req, resp, "Not confirmed: the post's address must start with https:// (or leave it empty).", true);
                return;
            }
        }
        if (c.client.as(user.name()).confirm(s.id(), url)) {
            web.back(req, resp, "Marked “" + s.headline() + "” on " + s.account() + " as posted; it will not be sent again.", false);
        } else {
            web.back(req, resp, "“" + s.headline() + "” on " + s.account() + " cannot be confirmed in its state (" + s.state().name().toLowerCase(Locale.ROOT) + ").", true);
        }
    }

    void text(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException {
        Share s = model.share(req);
        String text = req.getParameter("text") == null ? null : req.getParameter("text").replace("\r\n", "\n");
        if (text != null && text.isBlank()) text = null;
        if (s == null) {
            web.back(req, resp, "No such share.", true);
            return;
        }
        try {
            if (c.client.as(user.name()).setText(s.id(), text)) {
                web.back(req, resp, "Saved the text of “" + s.headline() + "” on " + s.account() + ".", false);
            } else {
                web.back(req, resp, "The text of “" + s.headline() + "” cannot change: it is being sent or was posted.", true);
            }
        } catch (IllegalArgumentException e) {
            web.back(req, resp, "Text not saved: " + e.getMessage(), true);
        }
    }
}

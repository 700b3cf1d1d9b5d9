package dev.herald.console;

import dev.herald.console.view.HistoryPage;
import dev.herald.console.view.ShareRow;
import dev.herald.delivery.Share;
import dev.herald.delivery.ShareQuery;
import dev.herald.delivery.ShareState;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What was sent (every attempt of the newest shares) and, for admins, the audit log. */
final class HistoryPages {
    private static final int ATTEMPTS_SHOWN = 100;
    private static final Set<ShareState> HISTORY = historyStates();

    private final Console c;
    private final Web web;
    private final ConsoleModel model;

    HistoryPages(Console console, Web web, ConsoleModel model) {
        this.c = console;
        this.web = web;
        this.model = model;
    }

    void history(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException {
        String account = Web.orDefault(req.getParameter("account"), "");
        List<Share> shares = new ArrayList<>(c.client.list(new ShareQuery(HISTORY, account.isEmpty() ? null : account, ConsoleModel.LIST_LIMIT)));
        shares.sort(Comparator.comparing((Share s) -> s.postedAt() != null ? s.postedAt() : s.updatedAt() != null ? s.updatedAt() : s.dueAt()).reversed());
        Map<String, String> by = model.scheduledBy();
        int attention = 0;
        for (Share s : shares) if (s.state() == ShareState.DEAD || ConsoleModel.isUncertain(s)) attention++;
        List<ShareRow> rows = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            Share s = shares.get(i);
            // Every attempt of the newest shares; older ones show their count and last outcome.
            rows.add(model.row(s, by, i < ATTEMPTS_SHOWN ? model.attemptLines(s) : List.of()));
        }
        HistoryPage page = new HistoryPage(rows, attention, model.accountNames(), account);
        web.render(req, resp, user, "history.jte", "History", "history", page, HttpServletResponse.SC_OK);
    }

    void audit(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException {
        web.render(req, resp, user, "audit.jte", "Audit log", "audit", c.client.auditLog(500), HttpServletResponse.SC_OK);
    }

    private static Set<ShareState> historyStates() {
        return EnumSet.of(ShareState.POSTED, ShareState.FAILED, ShareState.DEAD, ShareState.CANCELLED, ShareState.UNCERTAIN);
    }
}

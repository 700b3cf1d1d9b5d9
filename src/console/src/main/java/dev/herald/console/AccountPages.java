package dev.herald.console;

import dev.herald.console.view.AccountRow;
import dev.herald.delivery.AccountStatus;
import dev.herald.delivery.ShareQuery;
import dev.herald.delivery.ShareState;
import dev.herald.syndication.CredentialCheck;
import dev.herald.syndication.NetworkProvider;
import dev.herald.syndication.NetworkRegistry;
import dev.herald.syndication.Quota;
import dev.herald.syndication.Syndicator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Each account's health, quota and next slots; checking its credentials with the network, and
 * letting an auth-failed account send again.
 */
final class AccountPages {
    /** How long before a token must be renewed by signing in again the accounts page warns, as {@code herald accounts} does. */
    private static final java.time.Duration TOKEN_WARNING = java.time.Duration.ofDays(14);

    private final Console c;
    private final Web web;
    private final ConsoleModel model;

    AccountPages(Console console, Web web, ConsoleModel model) {
        this.c = console;
        this.web = web;
        this.model = model;
    }

    void accounts(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException {
        Map<String, Syndicator> byName = model.syndicators();
        Map<String, AccountStatus> statuses = new LinkedHashMap<>();
        for (AccountStatus st : c.client.accountStatuses()) statuses.put(st.name(), st);
        Instant now = c.clock.instant();
        Map<String, Instant> signInByAccount = new HashMap<>();
        for (dev.herald.delivery.StoredCredential sc : c.client.storedCredentials()) {
            if (sc.signInBy() != null) signInByAccount.put(sc.account(), sc.signInBy());
        }
        List<AccountRow> rows = new ArrayList<>();
        for (String name : model.accountNames()) {
            AccountStatus st = statuses.getOrDefault(name, AccountStatus.active(name));
            String network = model.network(name);
            String quota = null;
            Optional<NetworkProvider> provider = network == null ? Optional.empty() : NetworkRegistry.installed().find(network);
            if (provider.isPresent() && !provider.get().quotas().isEmpty()) {
                Quota q = provider.get().quotas().get(0);
                Instant since = now.minus(q.window());
                long used = c.client.list(new ShareQuery(Set.of(ShareState.POSTED), name, ConsoleModel.LIST_LIMIT)).stream()
                        .filter(s -> s.postedAt() != null && s.postedAt().isAfter(since)).count();
                quota = used + " / " + q.limit() + " in " + ConsoleModel.human(q.window());
            }
            List<String> next = new ArrayList<>();
            if (c.slots.containsKey(name)) for (Instant slot : c.slots.get(name).after(now)) {
                next.add(model.shown(slot));
                if (next.size() == 3) break;
            }
            long pending = c.client.list(new ShareQuery(EnumSet.of(ShareState.SCHEDULED, ShareState.FAILED, ShareState.SENDING), name, ConsoleModel.LIST_LIMIT)).size();
            String health = switch (st.state()) {
                case ACTIVE -> "ok";
                case AUTH_FAILED -> "auth failed";
                default -> st.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            };
            boolean healthy = st.state() == dev.herald.delivery.AccountState.ACTIVE;
            String message = st.message();
            Instant signInBy = signInByAccount.get(name);
            if (healthy && signInBy != null && signInBy.isBefore(now.plus(TOKEN_WARNING))) {
                // Still sending, but not for long: a person has to sign in again (herald auth) before then.
                boolean expired = !signInBy.isAfter(now);
                health = expired ? "token expired" : "token expiring";
                healthy = false;
                message = (expired ? "its token expired " : "its token expires ") + model.shown(signInBy) + "; sign in again: herald auth " + name;
            }
            rows.add(new AccountRow(name, network == null ? "?" : network, health, healthy, message,
                    st.changedAt() == null ? null : model.shown(st.changedAt()), quota, next, pending, byName.containsKey(name)));
        }
        web.render(req, resp, user, "accounts.jte", "Accounts", "accounts", rows, HttpServletResponse.SC_OK);
    }

    void check(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException {
        String name = Web.orDefault(req.getParameter("account"), "");
        Syndicator s = model.syndicators().get(name);
        if (s == null) {
            web.back(req, resp, "No account named '" + name + "' can be checked here.", true);
            return;
        }
        CredentialCheck check = s.check();
        String result = switch (check.status()) {
            case OK -> "accepted";
            case AUTH_FAILED -> "refused";
            default -> "could not be checked";
        };
        c.client.audit(user.name(), "check credentials", name, result + ": " + check.message());
        if (check.status() == CredentialCheck.Status.OK && c.client.account(name).authFailed()) {
            int woken = c.client.as(user.name()).credentialsChanged(name);
            c.client.audit(user.name(), "reset-account", name, "credentials accepted; " + woken + " waiting shares woken");
        }
        web.back(req, resp, name + ": the network " + result + " the credentials. " + check.message(), check.status() != CredentialCheck.Status.OK);
    }

    void reset(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException {
        String name = Web.orDefault(req.getParameter("account"), "");
        try {
            int woken = c.client.as(user.name()).resetAccount(name);
            web.back(req, resp, name + " may send again; " + woken + " waiting shares woken.", false);
        } catch (IllegalArgumentException e) {
            web.back(req, resp, "Not reset: " + e.getMessage(), true);
        }
    }
}

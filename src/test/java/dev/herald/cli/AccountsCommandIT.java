package dev.herald.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.delivery.CredentialStores;
import dev.herald.delivery.AccountState;
import dev.herald.delivery.CredentialKey;
import dev.herald.delivery.Delivery;
import dev.herald.delivery.DeliveryClient;
import dev.herald.delivery.DeliveryDatabase;
import dev.herald.delivery.JdbcCredentialStore;
import dev.herald.delivery.internal.JdbcDeliveryStore;
import dev.herald.delivery.internal.Migrations;
import dev.herald.syndication.TokenStore;
import dev.herald.syndication.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code herald accounts} on a real H2 file database: each account's network, state and token expiry, warned about within 14 days. */
class AccountsCommandIT {
    static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;
    Path config;
    String db;

    @BeforeEach
    void writeConfig() throws Exception {
        config = dir.resolve("herald.yaml");
        Files.writeString(config, """
                credentials:
                  key: ${env:HERALD_TEST_UNSET_KEY}
                accounts:
                  - name: ledger-x
                    network: x
                    clientId: x-client
                  - name: ledger-li
                    network: linkedin
                    author: urn:li:organization:2414183
                    token: ${env:HERALD_TEST_UNSET_TOKEN}
                  - name: ledger-th
                    network: threads
                    user: "17841400000000001"
                    token: ${env:HERALD_TEST_UNSET_TOKEN}
                  - name: ledger-li-yaml
                    network: linkedin
                    author: urn:li:organization:2414184
                    token: ${env:HERALD_TEST_UNSET_TOKEN}
                    expiresAt: 2026-12-12
                  - name: ledger-fb
                    network: facebook
                    page: "104000000000001"
                    token: ${env:HERALD_TEST_UNSET_TOKEN}
                """);
        db = dir.resolve("data/herald").toString();
        try (DeliveryDatabase d = DeliveryDatabase.h2(Path.of(db))) {
            Migrations.migrate(d);
            byte[] key = new byte[32];
            Arrays.fill(key, (byte) 5);
            JdbcCredentialStore store = new JdbcCredentialStore(d, CredentialKey.of(1, key), CLOCK);
            store.save("ledger-x", Tokens.of("x-access", "x-refresh", NOW.plus(Duration.ofHours(2))));
            store.save("ledger-li", Tokens.of("li-access", null, NOW.plus(Duration.ofDays(10))));
            store.save("ledger-th", Tokens.of("th-access", null, NOW.plus(Duration.ofDays(40))));
            store.save("ledger-fb", Tokens.of("fb-access", null, NOW.minus(Duration.ofDays(1))));
        }
    }

    private List<String> linesAfter(String out, String account) {
        List<String> lines = out.lines().toList();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith(account + " ")) return lines.subList(i, Math.min(i + 2, lines.size()));
        throw new AssertionError(account + " not listed:\n" + out);
    }

    @Test
    void listsEachAccountsNetworkStateAndTokenExpiryAndWarnsWithinFourteenDays() {
        QueueCommandsIT.Run run = QueueCommandsIT.run(new AccountsCommand(CLOCK), "--db", db, "--config", config.toString());

        assertEquals(0, run.exit(), run.err());
        String out = run.out();
        assertTrue(linesAfter(out, "ledger-x").get(0).contains("(x)"), out);
        assertTrue(linesAfter(out, "ledger-x").get(0).contains("ACTIVE"), out);
        assertTrue(linesAfter(out, "ledger-x").get(1).contains("renewed automatically"), out);
        assertTrue(linesAfter(out, "ledger-li").get(1).startsWith(" ".repeat(13) + "WARNING: token expires 2026-12-17"), out);
        assertTrue(linesAfter(out, "ledger-li").get(1).contains("(in 10 days); sign in again before then: herald auth ledger-li"), out);
        assertTrue(linesAfter(out, "ledger-th").get(1).contains("token expires 2027-01-16"), out);
        assertFalse(linesAfter(out, "ledger-th").get(1).contains("WARNING"), out);
        assertTrue(linesAfter(out, "ledger-fb").get(1).contains("WARNING: token expired 2026-12-06"), out);
        assertTrue(linesAfter(out, "ledger-li-yaml").get(1).contains("WARNING: token expires 2026-12-12 00:00 UTC (in 4 days)"), "herald.yaml's expiresAt: " + out);
        assertFalse(out.contains("access"), "no token is printed: " + out);
    }

    @Test
    void theStatusSubcommandSaysTheSame() {
        QueueCommandsIT.Run plain = QueueCommandsIT.run(new AccountsCommand(CLOCK), "--db", db, "--config", config.toString());
        QueueCommandsIT.Run status = QueueCommandsIT.run(new AccountsCommand(CLOCK), "status", "--db", db, "--config", config.toString());

        assertEquals(plain.out(), status.out());
    }

    @Test
    void aTokenRenewedThroughTheWorkersStoreClearsTheAccountsAuthFailureButALostRaceDoesNot() {
        try (DeliveryDatabase d = DeliveryDatabase.h2(Path.of(db))) {
            DeliveryClient client = Delivery.client(d, java.util.Map.of("ledger-x", "x", "ledger-li", "linkedin"), java.util.Map.of(), CLOCK);
            JdbcDeliveryStore shares = new JdbcDeliveryStore(d);
            shares.setAccount("ledger-x", AccountState.AUTH_FAILED, "401 Unauthorized", NOW);
            shares.setAccount("ledger-li", AccountState.AUTH_FAILED, "401 Invalid access token", NOW);
            byte[] key = new byte[32];
            Arrays.fill(key, (byte) 5);
            TokenStore store = CredentialStores.clearingAuthFailures(new JdbcCredentialStore(d, CredentialKey.of(1, key), CLOCK), client);
            Tokens x = store.find("ledger-x").orElseThrow();
            Tokens li = store.find("ledger-li").orElseThrow();

            assertTrue(store.compareAndSet("ledger-x", x, Tokens.of("x-access-2", "x-refresh-2", null)).isPresent());
            assertTrue(store.compareAndSet("ledger-li", li.withVersion(li.version() - 1), Tokens.of("li-access-2", null, null)).isEmpty());

            assertFalse(client.account("ledger-x").authFailed(), "the renewal cleared it: its waiting shares resume");
            assertTrue(client.account("ledger-li").authFailed(), "nothing was stored, so nothing changed");
        }
    }
}

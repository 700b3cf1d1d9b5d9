package dev.herald.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.delivery.CredentialKey;
import dev.herald.delivery.CredentialStores;
import dev.herald.delivery.DeliveryDatabase;
import dev.herald.delivery.internal.Migrations;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Tokens;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.testkit.BlueskyPost;
import dev.herald.testkit.Fault;
import dev.herald.testkit.HeraldMockExtension;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MastodonStatus;
import dev.herald.testkit.MockBluesky;
import dev.herald.testkit.MockMastodon;
import dev.herald.testkit.MockWebhookReceiver;
import dev.herald.testkit.MockX;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code herald post} and {@code herald preview} against the test kit's fakes, with the demo's lead article. */
@ExtendWith(HeraldMockExtension.class)
class PostCommandIT {
    private static final String ARTICLE = "webapp/articles/iran-retaliation.html";
    private static final String URL = "https://ledger.example/articles/iran-retaliation.html";

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private Path config(MockMastodon mastodon, MockBluesky bluesky, MockWebhookReceiver hooks) throws Exception {
        return config(mastodon, bluesky, hooks, "");
    }

    private Path config(MockMastodon mastodon, MockBluesky bluesky, MockWebhookReceiver hooks, String extra) throws Exception {
        Path file = dir.resolve("herald.yaml");
        Files.writeString(file, extra + """
                site:
                  name: The Meridian Ledger
                accounts:
                  - name: ledger-mastodon
                    network: mastodon
                    server: %s
                    token: ${env:LEDGER_MASTODON_TOKEN}
                  - name: ledger-bluesky
                    network: bluesky
                    service: %s
                    handle: %s
                    password: ${env:LEDGER_BLUESKY_PASSWORD}
                  - name: ledger-hook
                    network: webhook
                    url: %s
                    secrets:
                      - ${env:LEDGER_WEBHOOK_SECRET}
                """.formatted(mastodon.baseUri(), bluesky.baseUri(), bluesky.handle(), hooks.webhookUri()));
        return file;
    }

    private static SecretSource secrets(MockMastodon mastodon, MockBluesky bluesky, MockWebhookReceiver hooks) {
        Map<String, String> values = Map.of("LEDGER_MASTODON_TOKEN", mastodon.accessToken(),
                "LEDGER_BLUESKY_PASSWORD", bluesky.password(), "LEDGER_WEBHOOK_SECRET", hooks.secret());
        return ref -> Secret.resolve(ref, values::get, name -> null);
    }

    /** A real PNG file of the given size, as an image server would send it. */
    private static okio.Buffer png(int width, int height) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
        return new okio.Buffer().write(out.toByteArray());
    }

    private static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = HeraldCli.withErrorHandling(new CommandLine(command)).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void postSendsTheArticleToEveryAccountAndPrintsOneLineEach(MockMastodon mastodon, MockBluesky bluesky, MockWebhookReceiver hooks, ManualClock clock) throws Exception {
        Path config = config(mastodon, bluesky, hooks);
        Run run = run(new PostCommand(clock, secrets(mastodon, bluesky, hooks)), "--config", config.toString(), "--url", URL, ARTICLE);
        assertEquals(0, run.exit(), run.err() + run.out());
        String[] lines = run.out().strip().split("\n");
        assertEquals(3, lines.length, run.out());
        assertTrue(lines[0].matches("ledger-mastodon\\s+mastodon\\s+posted http://.*"), lines[0]);
        assertTrue(lines[1].matches("ledger-bluesky\\s+bluesky\\s+posted .*"), lines[1]);
        assertTrue(lines[2].matches("ledger-hook\\s+webhook\\s+posted .*"), lines[2]);

        MastodonStatus status = mastodon.statuses().get(0);
        assertTrue(status.text().startsWith("Iran calls its missile strikes"), status.text());
        assertTrue(status.text().contains(URL), status.text());
        BlueskyPost post = bluesky.posts().get(0);
        assertTrue(post.linkUris().contains(URL), post.record().toString());
        assertTrue(post.facetTexts().contains(URL), "the facet's byte range covers exactly the URL: " + post.facetTexts());
        assertEquals(URL, post.externalEmbed().path("uri").asText());
        assertEquals(1, hooks.uniqueCount());
        assertEquals(URL, hooks.payloads().get(0).path("data").path("url").asText());

        // The same article again: every network already has it, nothing new is created.
        Run again = run(new PostCommand(clock, secrets(mastodon, bluesky, hooks)), "--config", config.toString(), "--url", URL, ARTICLE);
        assertEquals(0, again.exit(), again.err() + again.out());
        assertEquals(1, mastodon.statusCount());
        assertEquals(1, bluesky.postCount());
        assertEquals(1, hooks.uniqueCount());
    }

    @Test
    void postReadsTokensFromTheCredentialStoreAndStoresWhatARefreshRenews(MockX x, ManualClock clock) throws Exception {
        Path file = dir.resolve("herald.yaml");
        Files.writeString(file, """
                credentials:
                  key: ${env:HERALD_CREDENTIALS_KEY}
                accounts:
                  - name: ledger-x
                    network: x
                    clientId: %s
                    api: %s
                """.formatted(MockX.DEFAULT_CLIENT_ID, x.baseUri()));
        Map<String, String> env = Map.of("HERALD_CREDENTIALS_KEY", CredentialKey.generate());
        SecretSource secrets = ref -> Secret.resolve(ref, env::get, name -> null);
        Path db = dir.resolve("data/herald");
        // What herald auth left: the tokens, in the store only; the access token has since been revoked.
        try (DeliveryDatabase d = DeliveryDatabase.h2(db)) {
            Migrations.migrate(d);
            CredentialStores.open(d, SyndicationConfig.load(file), secrets, clock).orElseThrow()
                    .save("ledger-x", Tokens.of(MockX.DEFAULT_BEARER_TOKEN, MockX.DEFAULT_REFRESH_TOKEN, null));
        }
        x.revokeToken(MockX.DEFAULT_BEARER_TOKEN);

        Run run = run(new PostCommand(clock, secrets), "--config", file.toString(), "--db", db.toString(), "--url", URL, ARTICLE);

        assertEquals(0, run.exit(), run.err() + run.out());
        assertEquals(1, x.postCount());
        try (DeliveryDatabase d = DeliveryDatabase.h2(db)) {
            Tokens stored = CredentialStores.open(d, SyndicationConfig.load(file), secrets, clock).orElseThrow().find("ledger-x").orElseThrow();
            assertNotEquals(MockX.DEFAULT_REFRESH_TOKEN, stored.refresh(), "X's refresh token works once: the renewed one is kept");
            assertTrue(x.refreshTokens().contains(stored.refresh()), "the stored refresh token is the live one");
        }
    }

    @Test
    void aFailingAccountMakesTheExitCodeNonZeroWithoutStoppingTheOthers(MockMastodon mastodon, MockBluesky bluesky, MockWebhookReceiver hooks, ManualClock clock) throws Exception {
        Path config = config(mastodon, bluesky, hooks);
        mastodon.failAlways(Fault.serverError(503));
        Run run = run(new PostCommand(clock, secrets(mastodon, bluesky, hooks)), "--config", config.toString(), "--url", URL, ARTICLE);
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("ledger-mastodon") && run.out().contains("transient failure"), run.out());
        assertEquals(1, bluesky.postCount());
        assertEquals(1, hooks.uniqueCount());
    }

    @Test
    void accountNarrowsThePostToTheNamedAccount(MockMastodon mastodon, MockBluesky bluesky, MockWebhookReceiver hooks, ManualClock clock) throws Exception {
        Path config = config(mastodon, bluesky, hooks);
        Run run = run(new PostCommand(clock, secrets(mastodon, bluesky, hooks)), "--config", config.toString(), "--account", "ledger-hook", "--url", URL, ARTICLE);
        assertEquals(0, run.exit(), run.err());
        assertEquals(0, mastodon.statusCount());
        assertEquals(0, bluesky.postCount());
        assertEquals(1, hooks.uniqueCount());
        Run unknown = run(new PostCommand(clock, secrets(mastodon, bluesky, hooks)), "--config", config.toString(), "--account", "nope", "--url", URL, ARTICLE);
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("no account named 'nope'; accounts: ledger-mastodon, ledger-bluesky, ledger-hook"), unknown.err());
    }

    @Test
    void dryRunSendsNothingAndPrintsTheExactPayloads(MockMastodon mastodon, MockBluesky bluesky, MockWebhookReceiver hooks) throws Exception {
        Path config = config(mastodon, bluesky, hooks);
        int before = mastodon.requestCount() + bluesky.requestCount() + hooks.requestCount();
        // No credential is set at all: a dry run needs none.
        Run run = run(new PostCommand(), "--config", config.toString(), "--dry-run", "--url", URL, ARTICLE);
        assertEquals(0, run.exit(), run.err());
        assertEquals(before, mastodon.requestCount() + bluesky.requestCount() + hooks.requestCount(), "no request reached any network");
        assertTrue(run.out().contains("== ledger-mastodon (mastodon) "), run.out());
        assertTrue(run.out().contains("\"status\""), run.out());
        assertTrue(run.out().contains("app.bsky.feed.post"), run.out());
        assertTrue(run.out().contains("\"article.published\""), run.out());
        assertFalse(run.out().contains(mastodon.accessToken()));
    }

    @Test
    void previewPrintsEachNetworksTextAndCount(MockMastodon mastodon, MockBluesky bluesky, MockWebhookReceiver hooks) throws Exception {
        Path config = config(mastodon, bluesky, hooks);
        Run run = run(new PreviewCommand(), "--config", config.toString(), "--url", URL, ARTICLE);
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().matches("(?s)== ledger-mastodon \\(mastodon\\) \\d+/500\\nIran calls its missile strikes.*"), run.out());
        assertTrue(run.out().matches("(?s).*== ledger-bluesky \\(bluesky\\) \\d+/300\\n.*"), run.out());
        assertTrue(run.out().contains("== ledger-hook (webhook) no limit"), run.out());
    }

    @Test
    void aPageOnAnAddressTheConfigurationDoesNotAllowIsNotFetched(MockMastodon mastodon, MockBluesky bluesky, MockWebhookReceiver hooks) throws Exception {
        try (MockWebServer site = new MockWebServer()) {
            site.start(InetAddress.getByName("127.0.0.1"), 0);
            site.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "http://127.0.0.1:" + site.getPort() + "/admin").build());
            String page = "http://localhost:" + site.getPort() + "/articles/lead.html";
            Run run = run(new PreviewCommand(), "--config", config(mastodon, bluesky, hooks, "fetch:\n  allow: [localhost]\n").toString(), page);
            assertEquals(2, run.exit(), run.out());
            assertTrue(run.err().contains("refused to fetch from 127.0.0.1 (127.0.0.1): not a public address"), run.err());
            assertEquals(1, site.getRequestCount(), "the redirect to 127.0.0.1 was not followed");
        }
    }

    @Test
    void aPageOnAnAllowListedInternalHostIsFetched(MockMastodon mastodon, MockBluesky bluesky, MockWebhookReceiver hooks) throws Exception {
        try (MockWebServer site = new MockWebServer()) {
            site.start(InetAddress.getByName("127.0.0.1"), 0);
            site.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html; charset=utf-8")
                    .body(Files.readString(Path.of(ARTICLE))).build());
            String page = "http://127.0.0.1:" + site.getPort() + "/articles/lead.html";
            Run refused = run(new PreviewCommand(), "--config", config(mastodon, bluesky, hooks).toString(), page);
            assertEquals(2, refused.exit(), refused.out());
            assertEquals(0, site.getRequestCount());

            site.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png")
                    .body(png(1200, 630)).build());
            Run run = run(new PreviewCommand(), "--config", config(mastodon, bluesky, hooks, "fetch:\n  allow: [127.0.0.0/8]\n").toString(), page);
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.out().matches("(?s)== ledger-mastodon \\(mastodon\\) \\d+/500\\nIran calls its missile strikes.*"), run.out());
        }
    }

    @Test
    void previewEndsWithTheMetadataLintOfTheLivePageAndItsMeasuredImage(MockMastodon mastodon, MockBluesky bluesky, MockWebhookReceiver hooks)
            throws Exception {
        try (MockWebServer site = new MockWebServer()) {
            site.start(InetAddress.getByName("127.0.0.1"), 0);
            // The page declares a 1200x630 image; the file it serves is 250x130: the lint goes by the file.
            site.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html; charset=utf-8").body("""
                    <html><head><title>Harbour reopens</title>
                    <meta property="og:title" content="Harbour reopens after the storm">
                    <meta property="og:image" content="/img/lead.png">
                    <meta property="og:image:width" content="1200"><meta property="og:image:height" content="630">
                    </head><body><article><h1>Harbour reopens after the storm</h1></article></body></html>
                    """).build());
            site.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png")
                    .body(png(250, 130)).build());
            String page = "http://127.0.0.1:" + site.getPort() + "/articles/harbour.html";
            Run run = run(new PreviewCommand(), "--config", config(mastodon, bluesky, hooks, "fetch:\n  allow: [127.0.0.0/8]\n").toString(),
                    "--account", "ledger-mastodon", page);
            assertEquals(0, run.exit(), run.err());
            assertEquals("/articles/harbour.html", site.takeRequest().getUrl().encodedPath());
            assertEquals("/img/lead.png", site.takeRequest().getUrl().encodedPath(), "the image was fetched to measure it");
            String lint = run.out().substring(run.out().indexOf("== lint: "));
            assertEquals(List.of("== lint: 3 findings",
                    "WARNING description-missing: no description: cards show no summary and posts have none to quote "
                            + "[x, facebook, linkedin, mastodon, bluesky, threads, telegram, discord, slack]",
                    "WARNING image-not-https: the image is served over plain http: some apps show the card without it; serve it over https "
                            + "[x, facebook, linkedin]",
                    "WARNING image-too-small: the image is 250x130, too small for a large card on X (300x157), Facebook (600x315), "
                            + "LinkedIn (401 wide): shown as a thumbnail or not at all [x, facebook, linkedin]"),
                    lint.lines().toList());
        }
    }

    @Test
    void previewOfAFileLintsItsMetadataButFetchesNothing(MockMastodon mastodon, MockBluesky bluesky, MockWebhookReceiver hooks) throws Exception {
        Path article = dir.resolve("draft.html");
        Files.writeString(article, "<html><head><title>Draft</title></head><body><article><h1>" + "Long ".repeat(20)
                + "</h1><p>A first paragraph long enough to be taken as the article's summary by the page half's inference.</p></article></body></html>");
        Run run = run(new PreviewCommand(), "--config", config(mastodon, bluesky, hooks).toString(), "--account", "ledger-hook",
                "--url", "https://ledger.example/draft", article.toString());
        assertEquals(0, run.exit(), run.err());
        String lint = run.out().substring(run.out().indexOf("== lint: "));
        assertTrue(lint.startsWith("== lint: 2 findings\n"), lint);
        assertTrue(lint.contains("\nWARNING title-too-long: title is 99 characters: cut by X at 70, Facebook at 88 [x, facebook]\n"), lint);
        assertTrue(lint.contains("\nWARNING image-missing: "), lint);
        assertFalse(lint.contains("page-not-ok"), "a file's page is not asked for its status");
    }

    @Test
    void anUnsetCredentialStopsEverythingAndNamesTheLine(MockMastodon mastodon, MockBluesky bluesky, MockWebhookReceiver hooks, ManualClock clock) throws Exception {
        Path config = config(mastodon, bluesky, hooks);
        Run run = run(new PostCommand(clock, ref -> Secret.resolve(ref, name -> name.equals("LEDGER_BLUESKY_PASSWORD") ? null : "x", n -> null)),
                "--config", config.toString(), "--url", URL, ARTICLE);
        assertEquals(2, run.exit());
        assertTrue(run.err().contains(config + ":12: account 'ledger-bluesky': password: environment variable LEDGER_BLUESKY_PASSWORD is not set"), run.err());
        assertEquals(0, mastodon.statusCount(), "nothing is sent when any credential is missing");
    }

    @Test
    void aFileWithoutUrlIsRefusedWithAReason(MockMastodon mastodon, MockBluesky bluesky, MockWebhookReceiver hooks) throws Exception {
        Run run = run(new PostCommand(), "--config", config(mastodon, bluesky, hooks).toString(), "--dry-run", ARTICLE);
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--url is required when ARTICLE is a file"), run.err());
    }
}

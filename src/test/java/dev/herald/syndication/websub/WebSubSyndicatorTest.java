package dev.herald.syndication.websub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.DeliveryGuarantee;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.NetworkRegistry;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.syndication.config.SyndicatorFactory;
import dev.herald.testkit.Fault;
import dev.herald.testkit.HeraldMockExtension;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockWebSubHub;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HeraldMockExtension.class)
class WebSubSyndicatorTest {
    static final URI FEED = URI.create("https://ledger.example/feed.xml");
    static final URI ARTICLE = URI.create("https://ledger.example/economy/rates?a=1&b=2");

    private final HttpTransport http = HttpTransport.create();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private static Post post() {
        return Post.of(ArticleMeta.builder().title("Rates held").url(ARTICLE).build(), "ledger-websub", "1");
    }

    private WebSubSyndicator syndicator(MockWebSubHub hub, ManualClock clock) {
        return new WebSubSyndicator(WebSubAccount.of("ledger-websub", hub.hubUri(), FEED), http, clock);
    }

    @Test
    void pingsTheHubWithTheFeedsAndTheArticle(MockWebSubHub hub, ManualClock clock) {
        assertInstanceOf(Outcome.Posted.class, syndicator(hub, clock).send(post()));

        assertEquals(List.of(List.of(FEED, ARTICLE)), hub.pings());
        String body = hub.lastRequest().getBody().utf8();
        assertEquals("hub.mode=publish&hub.url=" + URLEncoder.encode(FEED.toString(), StandardCharsets.UTF_8) + "&hub.url="
                + URLEncoder.encode(ARTICLE.toString(), StandardCharsets.UTF_8), body);
        assertTrue(hub.lastRequest().getHeaders().get("Content-Type").startsWith("application/x-www-form-urlencoded"));
    }

    @Test
    void aSubscriberOfTheFeedReceivesThePing(MockWebSubHub hub, ManualClock clock) throws Exception {
        try (MockWebServer subscriber = new MockWebServer()) {
            subscriber.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    String challenge = request.getUrl().queryParameter("hub.challenge");
                    if ("GET".equals(request.getMethod()) && challenge != null) return new MockResponse.Builder().code(200).body(challenge).build();
                    return new MockResponse.Builder().code(204).build();
                }
            });
            subscriber.start();
            HttpClient client = HttpClient.newHttpClient();
            String form = "hub.mode=subscribe&hub.topic=" + URLEncoder.encode(FEED.toString(), StandardCharsets.UTF_8) + "&hub.callback="
                    + URLEncoder.encode(subscriber.url("/push").toString(), StandardCharsets.UTF_8);
            HttpResponse<String> subscribed = client.send(HttpRequest.newBuilder(hub.hubUri())
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(202, subscribed.statusCode());
            hub.content(FEED, "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Ledger</title></feed>");

            assertInstanceOf(Outcome.Posted.class, syndicator(hub, clock).send(post()));

            RecordedRequest verification = subscriber.takeRequest(5, TimeUnit.SECONDS);
            assertEquals("GET", verification.getMethod());
            RecordedRequest pushed = subscriber.takeRequest(5, TimeUnit.SECONDS);
            assertEquals("POST", pushed.getMethod());
            assertEquals("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Ledger</title></feed>", pushed.getBody().utf8());
            String link = pushed.getHeaders().get("Link");
            assertTrue(link.contains("<" + hub.hubUri() + ">; rel=\"hub\"") && link.contains("<" + FEED + ">; rel=\"self\""), link);
        }
    }

    @Test
    void hubErrorsAreTransientAndItsRateLimitIsHonoured(MockWebSubHub hub, ManualClock clock) {
        WebSubSyndicator s = syndicator(hub, clock);
        hub.failNext(1, Fault.serverError(503));
        hub.failNext(1, Fault.rateLimited(Duration.ofSeconds(30)));

        assertInstanceOf(Outcome.Transient.class, s.send(post()));
        assertEquals(clock.instant().plusSeconds(30), assertInstanceOf(Outcome.RateLimited.class, s.send(post())).retryAt());
        assertInstanceOf(Outcome.Posted.class, s.send(post()));
        assertEquals(1, hub.pings().size());
    }

    @Test
    void keepsOnlyTheFirstLineOfAPlainErrorAndNothingOfAnHtmlPage(ManualClock clock) throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(422).body("  topic not allowed here\nsee https://hub.example/docs").build());
            server.enqueue(new MockResponse.Builder().code(422).body("<html><body><h1>Unprocessable</h1></body></html>").build());
            server.enqueue(new MockResponse.Builder().code(422).body("\n").build());
            server.start();
            WebSubSyndicator s = new WebSubSyndicator(WebSubAccount.of("ledger-websub", server.url("/hub").uri(), FEED), http, clock);

            assertEquals("HTTP 422: topic not allowed here", assertInstanceOf(Outcome.Permanent.class, s.send(post())).message());
            assertEquals("HTTP 422", assertInstanceOf(Outcome.Permanent.class, s.send(post())).message());
            assertEquals("HTTP 422", assertInstanceOf(Outcome.Permanent.class, s.send(post())).message());
        }
    }

    @Test
    void namesItsAccountAndNetworkNeedsNoCredentialsAndPreviewsTheExactForm(MockWebSubHub hub, ManualClock clock) {
        WebSubSyndicator s = syndicator(hub, clock);

        assertEquals("ledger-websub", s.account());
        assertEquals("websub", s.network());
        assertEquals(DeliveryGuarantee.IDEMPOTENCY_KEY, s.guarantee());
        assertEquals(dev.herald.syndication.CredentialCheck.Status.OK, s.check().status());
        dev.herald.syndication.Preview preview = s.preview(post());
        assertEquals("hub.mode=publish&hub.url=" + URLEncoder.encode(FEED.toString(), StandardCharsets.UTF_8) + "&hub.url="
                + URLEncoder.encode(ARTICLE.toString(), StandardCharsets.UTF_8), preview.payload());
        assertEquals(preview.payload(), preview.text().text());
        assertEquals(List.of(), hub.pings(), "a preview sends nothing");
    }

    @Test
    void aLostAnswerIsSafeToRetryBecauseAPingPublishesNothingTwice(MockWebSubHub hub, ManualClock clock) {
        WebSubSyndicator s = syndicator(hub, clock);
        hub.failNext(1, Fault.dropResponse());

        assertInstanceOf(Outcome.Transient.class, s.send(post()));
        assertInstanceOf(Outcome.Posted.class, s.send(post()));

        assertEquals(2, hub.pings().size());
        assertEquals(DeliveryGuarantee.IDEMPOTENCY_KEY, new WebSubNetwork().guarantee());
    }

    @Test
    void isConfiguredFromHeraldYamlWithHubTopicsAndParameter(MockWebSubHub hub, ManualClock clock) {
        String yaml = """
                accounts:
                  - name: ledger-websub
                    network: websub
                    hub: https://pubsubhubbub.appspot.com/
                    topics: [https://ledger.example/feed.xml, https://ledger.example/rss]
                    parameter: topic
                """;
        SyndicationConfig config = hub.serve(SyndicationConfig.parse(yaml, "herald.yaml", NetworkRegistry.installed()), "ledger-websub");
        Syndicator s = new SyndicatorFactory(http, clock, SecretSource.placeholders()).createAll(config).get(0);

        assertInstanceOf(Outcome.Posted.class, s.send(post()));
        assertEquals(List.of(FEED, URI.create("https://ledger.example/rss"), ARTICLE), hub.pings().get(0));
        assertTrue(hub.lastRequest().getBody().utf8().contains("&hub.topic="));
    }
}

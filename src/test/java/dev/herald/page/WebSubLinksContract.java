package dev.herald.page;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.page.it.Container;
import dev.herald.page.it.Http;
import dev.herald.page.it.SiteInitializer;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.websub.WebSubAccount;
import dev.herald.syndication.websub.WebSubSyndicator;
import dev.herald.testkit.MockWebSubHub;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * WebSub discovery through {@link ShareFilter} in a real servlet container: the configured feeds
 * and the pages Herald rewrites announce the hubs and themselves in {@code Link} headers, and a
 * subscriber that follows them receives the hub's ping. Each container runs it through a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebSubLinksContract {
    static final String SECOND_HUB = "https://hub.example/publish";
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?([a-z]+)\"?");

    private final Http http = new Http();
    private final MockWebSubHub hub = MockWebSubHub.builder().start();
    private Container container;

    /** A new, unstarted container. */
    abstract Container newContainer();

    @BeforeAll
    void start() throws Exception {
        Path site = Path.of(getClass().getResource("/webapps/websub").toURI());
        Map<String, String> websub = Map.of(
                "herald.websub.hubs", hub.hubUri() + ", " + SECOND_HUB,
                "herald.websub.feeds", "/feed.xml",
                "herald.paths", "/news/*");
        container = newContainer();
        container.start(List.of(
                new Container.App("/websub", site, new SiteInitializer(websub)),
                new Container.App("/canonical", site, new SiteInitializer(Map.of(
                        "herald.websub.hubs", SECOND_HUB, "herald.websub.feeds", "/feed.xml", "herald.site.url", "https://news.example.com"))),
                new Container.App("/plain", site, new SiteInitializer(Map.of("herald.paths", "/news/*"))),
                new Container.App("/off", site, new SiteInitializer(Map.of("herald.enabled", "false",
                        "herald.websub.hubs", SECOND_HUB, "herald.websub.feeds", "/feed.xml")))));
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (container != null) container.close();
        } finally {
            hub.close();
        }
    }

    @Test
    void aFeedAnnouncesEachHubAndItselfAsSelf() throws Exception {
        HttpResponse<byte[]> r = http.get(container.uri("/websub/feed.xml"));

        assertEquals(200, r.statusCode());
        assertEquals(List.of(hub.hubUri() + " hub", SECOND_HUB + " hub", container.uri("/websub/feed.xml") + " self"), links(r));
        assertArrayEquals(Files.readAllBytes(Path.of(getClass().getResource("/webapps/websub/feed.xml").toURI())), r.body(), "the feed itself is untouched");
    }

    @Test
    void headOfTheFeedAnnouncesTheSameLinks() throws Exception {
        HttpResponse<byte[]> r = http.send("HEAD", container.uri("/websub/feed.xml?page=2"));

        assertEquals(List.of(hub.hubUri() + " hub", SECOND_HUB + " hub", container.uri("/websub/feed.xml") + " self"), links(r));
    }

    @Test
    void anArticlePageAnnouncesTheHubAndItsOwnUrlWithoutTheQuery() throws Exception {
        HttpResponse<byte[]> r = http.get(container.uri("/websub/news/story.html?utm_source=feed"));

        assertEquals(List.of(hub.hubUri() + " hub", SECOND_HUB + " hub", container.uri("/websub/news/story.html") + " self"), links(r));
        assertTrue(Http.text(r).contains("property=\"og:title\""), "and the page is still rewritten");
    }

    @Test
    void theSelfUrlIsBuiltFromTheConfiguredSiteUrl() throws Exception {
        HttpResponse<byte[]> r = http.get(container.uri("/canonical/feed.xml"), "X-Forwarded-Host", "evil.example");

        assertEquals(List.of(SECOND_HUB + " hub", "https://news.example.com/canonical/feed.xml self"), links(r));
    }

    @Test
    void nothingIsAnnouncedOnPagesOutsideTheRewrittenPathsOrOnAssets() throws Exception {
        assertEquals(List.of(), links(http.get(container.uri("/websub/about.html"))));
        assertEquals(List.of(), links(http.get(container.uri("/websub/style.css"))));
        assertEquals(List.of(), links(http.send("POST", container.uri("/websub/feed.xml"))));
    }

    @Test
    void aSiteWithoutHubsAddsNoLinkHeader() throws Exception {
        assertEquals(List.of(), links(http.get(container.uri("/plain/feed.xml"))));
        HttpResponse<byte[]> page = http.get(container.uri("/plain/news/story.html"));
        assertEquals(List.of(), links(page));
        assertTrue(Http.text(page).contains("property=\"og:title\""));
    }

    @Test
    void aDisabledFilterAnnouncesNothing() throws Exception {
        assertEquals(List.of(), links(http.get(container.uri("/off/feed.xml"))));
        assertEquals(List.of(), links(http.get(container.uri("/off/news/story.html"))));
    }

    @Test
    void aSubscriberThatFollowsTheFeedsLinksReceivesThePingOfAPublishedArticle() throws Exception {
        HttpResponse<byte[]> feed = http.get(container.uri("/websub/feed.xml"));
        URI discoveredHub = URI.create(link(feed, "hub"));
        URI self = URI.create(link(feed, "self"));
        try (MockWebServer subscriber = new MockWebServer(); HttpTransport transport = HttpTransport.create()) {
            subscriber.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    String challenge = request.getUrl().queryParameter("hub.challenge");
                    if ("GET".equals(request.getMethod()) && challenge != null) return new MockResponse.Builder().code(200).body(challenge).build();
                    return new MockResponse.Builder().code(204).build();
                }
            });
            subscriber.start();
            String form = "hub.mode=subscribe&hub.topic=" + URLEncoder.encode(self.toString(), StandardCharsets.UTF_8)
                    + "&hub.callback=" + URLEncoder.encode(subscriber.url("/push").toString(), StandardCharsets.UTF_8);
            HttpResponse<String> subscribed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(discoveredHub)
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(202, subscribed.statusCode());
            assertEquals("GET", subscriber.takeRequest(5, TimeUnit.SECONDS).getMethod(), "the hub verified the subscription");

            WebSubSyndicator publisher = new WebSubSyndicator(WebSubAccount.of("site-websub", hub.hubUri(), self), transport, Clock.systemUTC());
            Post article = Post.of(ArticleMeta.builder().title("Harbour bridge reopens").url(container.uri("/websub/news/story.html")).build(), "site-websub", "1");
            assertInstanceOf(Outcome.Posted.class, publisher.send(article));

            RecordedRequest pushed = subscriber.takeRequest(5, TimeUnit.SECONDS);
            assertEquals("POST", pushed.getMethod());
            assertTrue(pushed.getHeaders().get("Link").contains("<" + self + ">; rel=\"self\""), pushed.getHeaders().get("Link"));
        }
    }

    /** Every {@code Link} of {@code r} as {@code "url rel"}, in order. */
    static List<String> links(HttpResponse<?> r) {
        List<String> out = new java.util.ArrayList<>();
        for (String value : r.headers().allValues("Link")) {
            Matcher m = LINK.matcher(value);
            while (m.find()) out.add(m.group(1) + " " + m.group(2));
        }
        return out;
    }

    private static String link(HttpResponse<?> r, String rel) {
        for (String l : links(r)) if (l.endsWith(" " + rel)) return l.substring(0, l.length() - rel.length() - 1);
        throw new AssertionError("no rel=" + rel + " in " + r.headers().allValues("Link"));
    }
}

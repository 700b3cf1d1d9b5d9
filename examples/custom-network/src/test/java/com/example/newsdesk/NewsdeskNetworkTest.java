package com.example.newsdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.NetworkRegistry;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.syndication.config.SyndicatorFactory;
import dev.herald.testkit.ManualClock;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A site's own network, found by Herald in the site's jar, configured in herald.yaml and posting to its API. */
class NewsdeskNetworkTest {
    private static final ArticleMeta STORY = ArticleMeta.builder().title("Storm closes the harbour")
            .url(URI.create("https://ledger.example/storm")).build();

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final MockWebServer cms = new MockWebServer();
    private HttpTransport http;
    private URLClassLoader siteJar;

    @BeforeEach
    void start() throws Exception {
        cms.start();
        http = HttpTransport.create();
        // In the site's build, META-INF/services is in the site's jar. Here the example shares
        // Herald's test class path, so it opens its resources as that jar would be seen, and
        // Herald's own tests do not see an extra network.
        siteJar = new URLClassLoader(new URL[] {Path.of("examples/custom-network/src/main/resources/").toUri().toURL()},
                getClass().getClassLoader());
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
        cms.close();
        siteJar.close();
    }

    private Syndicator intranet() {
        NetworkRegistry networks = NetworkRegistry.load(siteJar);
        SyndicationConfig config = SyndicationConfig.load(Path.of("examples/custom-network/herald.yaml"), networks)
                .withBaseUrl("intranet", cms.url("/api").uri());
        Map<String, String> env = Map.of("NEWSDESK_KEY", "nd-key-123", "MASTODON_TOKEN", "unused");
        SecretSource secrets = reference -> Secret.resolve(reference, env::get, name -> null);
        return new SyndicatorFactory(http, clock, secrets).create(config, config.account("intranet"));
    }

    @Test
    void theSitesNetworkIsFoundNextToHeraldsOwn() {
        NetworkRegistry networks = NetworkRegistry.load(siteJar);
        assertTrue(networks.names().containsAll(Set.of("newsdesk", "mastodon", "bluesky", "webhook")), networks.toString());
        assertEquals("newsdesk", networks.get("cms").name());
    }

    @Test
    void aTeaserIsPostedWithTheKeyAndTheIdempotencyKey() throws Exception {
        cms.enqueue(new MockResponse.Builder().code(201).setHeader("Content-Type", "application/json").body("{\"id\":\"t-881\"}").build());
        Post post = Post.of(STORY, "intranet", "1");

        assertEquals(new Outcome.Posted("t-881", null), intranet().send(post));

        RecordedRequest sent = cms.takeRequest();
        assertEquals("/api/teasers", sent.getUrl().encodedPath());
        assertEquals("Bearer nd-key-123", sent.getHeaders().get("Authorization"));
        assertEquals(post.idempotencyKey(), sent.getHeaders().get("Idempotency-Key"));
        JsonNode body = new ObjectMapper().readTree(sent.getBody().toByteArray());
        assertEquals("world", body.path("desk").asText());
        assertEquals(STORY.url().toString(), body.path("url").asText());
        assertTrue(body.path("text").asText().startsWith(STORY.title()), body.toString());
    }

    @Test
    void theCmsRateLimitAndRefusalsAreClassifiedLikeAnyNetworks() {
        cms.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "30")
                .setHeader("Content-Type", "application/json").body("{\"message\":\"slow down\"}").build());
        cms.enqueue(new MockResponse.Builder().code(401).setHeader("Content-Type", "application/json")
                .body("{\"message\":\"key nd-key-123 revoked\"}").build());
        Syndicator s = intranet();
        assertEquals(new Outcome.RateLimited(clock.instant().plusSeconds(30), "HTTP 429: slow down"), s.send(Post.of(STORY, "intranet", "1")));
        assertEquals(new Outcome.AuthFailed("HTTP 401: key **** revoked"), s.send(Post.of(STORY, "intranet", "1")));
    }
}

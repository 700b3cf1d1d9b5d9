package dev.herald.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.internal.Utf8;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MockBlueskyTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String LINK = "https://news.example/2026/iran";
    private final ManualClock clock = new ManualClock(NOW);
    private final MockBluesky bsky = MockBluesky.builder().clock(clock).start();

    @AfterEach
    void stop() {
        bsky.close();
    }

    private HttpResponse<String> xrpc(String method, String token, Object body) throws Exception {
        Map<String, String> headers = token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
        return TestHttp.send(TestHttp.post(bsky.uri("/xrpc/" + method), "application/json", TestHttp.JSON.writeValueAsBytes(body), headers).build());
    }

    private JsonNode login() throws Exception {
        HttpResponse<String> r = xrpc("com.atproto.server.createSession", null, Map.of("identifier", bsky.handle(), "password", bsky.password()));
        assertEquals(200, r.statusCode(), r.body());
        return TestHttp.json(r);
    }

    private static ObjectNode post(String text) {
        ObjectNode record = TestHttp.JSON.createObjectNode();
        record.put("$type", "app.bsky.feed.post");
        record.put("text", text);
        record.put("createdAt", "2026-03-01T12:00:00.000Z");
        return record;
    }

    private static void linkFacet(ObjectNode record, int byteStart, int byteEnd, String uri) {
        ArrayNode facets = record.has("facets") ? (ArrayNode) record.get("facets") : record.putArray("facets");
        ObjectNode facet = facets.addObject();
        facet.putObject("index").put("byteStart", byteStart).put("byteEnd", byteEnd);
        facet.putArray("features").addObject().put("$type", "app.bsky.richtext.facet#link").put("uri", uri);
    }

    private HttpResponse<String> create(String token, ObjectNode record) throws Exception {
        return create(token, record, null);
    }

    private HttpResponse<String> create(String token, ObjectNode record, String rkey) throws Exception {
        ObjectNode in = TestHttp.JSON.createObjectNode();
        in.put("repo", bsky.did());
        in.put("collection", "app.bsky.feed.post");
        if (rkey != null) in.put("rkey", rkey);
        in.set("record", record);
        return xrpc("com.atproto.repo.createRecord", token, in);
    }

    private static String errorOf(HttpResponse<String> r) {
        return TestHttp.json(r).get("error").asText();
    }

    @Test
    void createsASessionWithRealLookingJwts() throws Exception {
        JsonNode s = login();
        assertEquals(bsky.did(), s.get("did").asText());
        assertEquals(bsky.handle(), s.get("handle").asText());
        String[] parts = s.get("accessJwt").asText().split("\\.");
        assertEquals(3, parts.length);
        JsonNode payload = TestHttp.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals(bsky.did(), payload.get("sub").asText());
        assertEquals(NOW.plus(Duration.ofHours(2)).getEpochSecond(), payload.get("exp").asLong());
        assertEquals(1, bsky.sessionCreationCount());
    }

    @Test
    void rejectsAWrongPasswordWith401() throws Exception {
        HttpResponse<String> r = xrpc("com.atproto.server.createSession", null, Map.of("identifier", bsky.handle(), "password", "wrong"));
        assertEquals(401, r.statusCode());
        assertEquals("{\"error\":\"AuthenticationRequired\",\"message\":\"Invalid identifier or password\"}", r.body());
        assertEquals(0, bsky.sessionCreationCount());
    }

    @Test
    void postsWithTheAccessTokenAndAnswersUriAndCid() throws Exception {
        String token = login().get("accessJwt").asText();
        HttpResponse<String> r = create(token, post("Hello"));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode out = TestHttp.json(r);
        BlueskyPost p = bsky.posts().get(0);
        assertEquals(p.uri(), out.get("uri").asText());
        assertTrue(p.uri().startsWith("at://" + bsky.did() + "/app.bsky.feed.post/"));
        assertTrue(out.get("cid").asText().startsWith("bafyrei"));
        assertEquals("Hello", p.text());
        assertFalse(p.clientRkey());
    }

    @Test
    void expiresTheAccessTokenAfterTwoHoursAndRefreshesWithTheRefreshToken() throws Exception {
        JsonNode s = login();
        clock.advance(Duration.ofHours(2));
        HttpResponse<String> expired = create(s.get("accessJwt").asText(), post("x"));
        assertEquals(400, expired.statusCode());
        assertEquals("ExpiredToken", errorOf(expired));
        HttpResponse<String> refreshed = xrpc("com.atproto.server.refreshSession", s.get("refreshJwt").asText(), Map.of());
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        assertEquals(200, create(TestHttp.json(refreshed).get("accessJwt").asText(), post("x")).statusCode());
        assertEquals(1, bsky.sessionCreationCount());
        assertEquals(1, bsky.sessionRefreshCount());
        assertEquals(1, bsky.expiredTokenCount());
    }

    @Test
    void rejectsAUsedRefreshTokenAsRevoked() throws Exception {
        String refresh = login().get("refreshJwt").asText();
        xrpc("com.atproto.server.refreshSession", refresh, Map.of());
        HttpResponse<String> again = xrpc("com.atproto.server.refreshSession", refresh, Map.of());
        assertEquals(400, again.statusCode());
        assertEquals("{\"error\":\"ExpiredToken\",\"message\":\"Token has been revoked\"}", again.body());
    }

    @Test
    void rejectsTokensOfTheWrongKindMissingOrUnknown() throws Exception {
        JsonNode s = login();
        HttpResponse<String> refreshAsAccess = create(s.get("refreshJwt").asText(), post("x"));
        assertEquals(400, refreshAsAccess.statusCode());
        assertEquals("Bad token scope", TestHttp.json(refreshAsAccess).get("message").asText());
        HttpResponse<String> missing = create(null, post("x"));
        assertEquals(401, missing.statusCode());
        assertEquals("AuthMissing", errorOf(missing));
        HttpResponse<String> unknown = create("not.a.token", post("x"));
        assertEquals(400, unknown.statusCode());
        assertEquals("InvalidToken", errorOf(unknown));
        assertEquals(0, bsky.postCount());
    }

    @Test
    void rejectsARepoOtherThanTheSessionsOwn() throws Exception {
        String token = login().get("accessJwt").asText();
        ObjectNode in = TestHttp.JSON.createObjectNode().put("repo", "did:plc:someoneelse").put("collection", "app.bsky.feed.post");
        in.set("record", post("x"));
        HttpResponse<String> r = xrpc("com.atproto.repo.createRecord", token, in);
        assertEquals(400, r.statusCode());
        assertEquals("Could not find repo: did:plc:someoneelse", TestHttp.json(r).get("message").asText());
    }

    @Test
    void acceptsTheHandleAsRepo() throws Exception {
        String token = login().get("accessJwt").asText();
        ObjectNode in = TestHttp.JSON.createObjectNode().put("repo", bsky.handle()).put("collection", "app.bsky.feed.post");
        in.set("record", post("x"));
        assertEquals(200, xrpc("com.atproto.repo.createRecord", token, in).statusCode());
    }

    @Test
    void requiresTypeTextAndAValidCreatedAt() throws Exception {
        String token = login().get("accessJwt").asText();
        ObjectNode noType = post("x");
        noType.remove("$type");
        assertEquals("InvalidRequest", errorOf(create(token, noType)));
        ObjectNode wrongType = post("x").put("$type", "app.bsky.feed.like");
        assertTrue(TestHttp.json(create(token, wrongType)).get("message").asText().startsWith("Invalid $type"));
        ObjectNode noText = post("x");
        noText.remove("text");
        assertEquals("Invalid app.bsky.feed.post record: Record must have the property \"text\"", TestHttp.json(create(token, noText)).get("message").asText());
        ObjectNode badDate = post("x").put("createdAt", "2026-03-01 12:00");
        assertEquals(400, create(token, badDate).statusCode());
        ObjectNode noZone = post("x").put("createdAt", "2026-03-01T12:00:00");
        assertEquals(400, create(token, noZone).statusCode());
        assertEquals(0, bsky.postCount());
    }

    @Test
    void limitsTextTo300Graphemes() throws Exception {
        String token = login().get("accessJwt").asText();
        // 300 thumbs with a skin tone are 600 chars but 300 graphemes (2,400 bytes).
        assertEquals(200, create(token, post("👍🏽".repeat(300))).statusCode());
        HttpResponse<String> r = create(token, post("a".repeat(301)));
        assertEquals(400, r.statusCode());
        assertEquals("Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes", TestHttp.json(r).get("message").asText());
    }

    @Test
    void limitsTextTo3000Utf8Bytes() throws Exception {
        String token = login().get("accessJwt").asText();
        // A ZWJ family is one grapheme but 25 bytes: 121 of them are 3,025 bytes.
        HttpResponse<String> r = create(token, post("👨‍👩‍👧‍👦".repeat(121)));
        assertEquals(400, r.statusCode());
        assertTrue(TestHttp.json(r).get("message").asText().contains("3000"), r.body());
    }

    @Test
    void acceptsALinkFacetWithUtf8ByteOffsets() throws Exception {
        String token = login().get("accessJwt").asText();
        String text = "Iran’s “retaliation” 🚀 " + LINK;
        int start = Utf8.byteOffset(text, text.indexOf(LINK));
        ObjectNode record = post(text);
        linkFacet(record, start, start + LINK.length(), LINK);
        assertEquals(200, create(token, record).statusCode());
        assertEquals(List.of(LINK), bsky.posts().get(0).facetTexts());
        assertEquals(List.of(LINK), bsky.posts().get(0).linkUris());
    }

    @Test
    void rejectsAFacetLeftBeyondTheTextByATruncation() throws Exception {
        String token = login().get("accessJwt").asText();
        String full = "Iran’s “retaliation” 🚀 " + LINK;
        int start = Utf8.byteOffset(full, full.indexOf(LINK));
        ObjectNode record = post(full.substring(0, 20) + "…");
        linkFacet(record, start, start + LINK.length(), LINK);
        HttpResponse<String> r = create(token, record);
        assertEquals(400, r.statusCode());
        assertEquals("InvalidRequest", errorOf(r));
        assertTrue(TestHttp.json(r).get("message").asText().contains("beyond the text"), r.body());
    }

    @Test
    void rejectsAFacetThatCutsThroughACharacterOrIsEmpty() throws Exception {
        String token = login().get("accessJwt").asText();
        ObjectNode cut = post("’" + LINK);
        linkFacet(cut, 1, 3 + LINK.length(), LINK);
        assertTrue(TestHttp.json(create(token, cut)).get("message").asText().contains("multi-byte"));
        ObjectNode empty = post(LINK);
        linkFacet(empty, 5, 5, LINK);
        assertEquals(400, create(token, empty).statusCode());
        ObjectNode negative = post(LINK);
        linkFacet(negative, -1, 5, LINK);
        assertTrue(TestHttp.json(create(token, negative)).get("message").asText().contains("byteStart can not be less than 0"));
    }

    @Test
    void strictFacetsCatchAnOffByOneByteLink() throws Exception {
        try (MockBluesky strict = MockBluesky.builder().clock(clock).strictFacets().start()) {
            HttpResponse<String> login = TestHttp.send(TestHttp.post(strict.uri("/xrpc/com.atproto.server.createSession"), "application/json",
                    TestHttp.JSON.writeValueAsBytes(Map.of("identifier", strict.handle(), "password", strict.password())), Map.of()).build());
            String token = TestHttp.json(login).get("accessJwt").asText();
            String text = "Iran’s reply " + LINK;
            int charStart = text.indexOf(LINK);
            ObjectNode offByChars = post(text);
            // Char offsets instead of byte offsets: two bytes short because of the curly apostrophe.
            linkFacet(offByChars, charStart, charStart + LINK.length(), LINK);
            ObjectNode in = TestHttp.JSON.createObjectNode().put("repo", strict.did()).put("collection", "app.bsky.feed.post");
            in.set("record", offByChars);
            HttpResponse<String> r = TestHttp.send(TestHttp.post(strict.uri("/xrpc/com.atproto.repo.createRecord"), "application/json",
                    TestHttp.JSON.writeValueAsBytes(in), Map.of("Authorization", "Bearer " + token)).build());
            assertEquals(400, r.statusCode());
            assertTrue(TestHttp.json(r).get("message").asText().contains("strict facets"), r.body());
        }
    }

    @Test
    void strictFacetsAcceptVisibleShortForms() {
        assertTrue(MockBluesky.showsLink("news.example/2026/iran", LINK));
        assertTrue(MockBluesky.showsLink("news.example/2026/i...", LINK));
        assertTrue(MockBluesky.showsLink("news.example/20…", LINK));
        assertTrue(MockBluesky.showsLink("example.com", "https://www.example.com/"));
        assertFalse(MockBluesky.showsLink("ews.example/2026/iran", LINK));
        assertFalse(MockBluesky.showsLink("https://news.example/2026/ira", LINK));
        assertFalse(MockBluesky.showsLink("…", LINK));
    }

    @Test
    void uploadsABlobAndUsesItAsTheLinkCardThumb() throws Exception {
        String token = login().get("accessJwt").asText();
        byte[] jpeg = new byte[50_000];
        HttpResponse<String> up = TestHttp.send(TestHttp.post(bsky.uri("/xrpc/com.atproto.repo.uploadBlob"), "image/jpeg", jpeg,
                Map.of("Authorization", "Bearer " + token)).build());
        assertEquals(200, up.statusCode(), up.body());
        JsonNode blob = TestHttp.json(up).get("blob");
        assertEquals("blob", blob.get("$type").asText());
        assertTrue(blob.at("/ref/$link").asText().startsWith("bafkrei"));
        assertEquals("image/jpeg", blob.get("mimeType").asText());
        assertEquals(50_000, blob.get("size").asInt());
        ObjectNode record = post("Card");
        ObjectNode external = record.putObject("embed").put("$type", "app.bsky.embed.external").putObject("external");
        external.put("uri", LINK).put("title", "Iran").put("description", "What happened");
        external.set("thumb", blob);
        assertEquals(200, create(token, record).statusCode());
        assertEquals("Iran", bsky.posts().get(0).externalEmbed().get("title").asText());
        assertEquals(1, bsky.uploadCount());
    }

    @Test
    void acceptsABigUploadButRejectsItAsAThumbOverOneMillionBytes() throws Exception {
        String token = login().get("accessJwt").asText();
        HttpResponse<String> up = TestHttp.send(TestHttp.post(bsky.uri("/xrpc/com.atproto.repo.uploadBlob"), "image/png", new byte[1_000_001],
                Map.of("Authorization", "Bearer " + token)).build());
        assertEquals(200, up.statusCode());
        ObjectNode record = post("Card");
        ObjectNode external = record.putObject("embed").put("$type", "app.bsky.embed.external").putObject("external");
        external.put("uri", LINK).put("title", "t").put("description", "d");
        external.set("thumb", TestHttp.json(up).get("blob"));
        HttpResponse<String> r = create(token, record);
        assertEquals(400, r.statusCode());
        assertEquals("BlobTooLarge", errorOf(r));
    }

    @Test
    void rejectsAThumbThatWasNeverUploadedOrIsNotAnImage() throws Exception {
        String token = login().get("accessJwt").asText();
        ObjectNode record = post("Card");
        ObjectNode external = record.putObject("embed").put("$type", "app.bsky.embed.external").putObject("external");
        external.put("uri", LINK).put("title", "t").put("description", "d");
        ObjectNode thumb = external.putObject("thumb").put("$type", "blob").put("mimeType", "image/jpeg").put("size", 10);
        thumb.putObject("ref").put("$link", "bafkreinotuploaded");
        assertEquals("BlobNotFound", errorOf(create(token, record)));
        HttpResponse<String> up = TestHttp.send(TestHttp.post(bsky.uri("/xrpc/com.atproto.repo.uploadBlob"), "text/plain", new byte[10],
                Map.of("Authorization", "Bearer " + token)).build());
        external.set("thumb", TestHttp.json(up).get("blob"));
        assertEquals("InvalidMimeType", errorOf(create(token, record)));
    }

    @Test
    void rejectsUploadsOverTheLimitOrWithoutContentType() throws Exception {
        try (MockBluesky small = MockBluesky.builder().uploadLimit(100).start()) {
            String token = TestHttp.json(TestHttp.send(TestHttp.post(small.uri("/xrpc/com.atproto.server.createSession"), "application/json",
                    TestHttp.JSON.writeValueAsBytes(Map.of("identifier", small.handle(), "password", small.password())), Map.of()).build()))
                    .get("accessJwt").asText();
            HttpResponse<String> big = TestHttp.send(TestHttp.post(small.uri("/xrpc/com.atproto.repo.uploadBlob"), "image/png", new byte[101],
                    Map.of("Authorization", "Bearer " + token)).build());
            assertEquals(413, big.statusCode());
            HttpResponse<String> untyped = TestHttp.send(TestHttp.post(small.uri("/xrpc/com.atproto.repo.uploadBlob"), null, new byte[10],
                    Map.of("Authorization", "Bearer " + token)).build());
            assertEquals(400, untyped.statusCode());
        }
    }

    @Test
    void requiresExternalEmbedFields() throws Exception {
        String token = login().get("accessJwt").asText();
        ObjectNode record = post("Card");
        record.putObject("embed").put("$type", "app.bsky.embed.external").putObject("external").put("uri", LINK).put("title", "t");
        assertTrue(TestHttp.json(create(token, record)).get("message").asText().contains("\"description\""));
    }

    @Test
    void answersARepeatedRkeyWith500LikeThePdsAndLetsTheClientLookItUp() throws Exception {
        String token = login().get("accessJwt").asText();
        String rkey = "3lbcdefghij22";
        assertEquals(200, create(token, post("once"), rkey).statusCode());
        HttpResponse<String> again = create(token, post("once"), rkey);
        assertEquals(500, again.statusCode());
        assertEquals("{\"error\":\"InternalServerError\",\"message\":\"Internal Server Error\"}", again.body());
        assertEquals(1, bsky.postCount());
        assertEquals(1, bsky.duplicateRkeyCount());
        HttpResponse<String> found = TestHttp.send(HttpRequest.newBuilder(bsky.uri("/xrpc/com.atproto.repo.getRecord?repo=" + bsky.did()
                + "&collection=app.bsky.feed.post&rkey=" + rkey)).GET().build());
        assertEquals(200, found.statusCode());
        assertEquals("once", TestHttp.json(found).at("/value/text").asText());
        HttpResponse<String> missing = TestHttp.send(HttpRequest.newBuilder(bsky.uri("/xrpc/com.atproto.repo.getRecord?repo=" + bsky.did()
                + "&collection=app.bsky.feed.post&rkey=3lbcdefghij23")).GET().build());
        assertEquals("RecordNotFound", errorOf(missing));
    }

    @Test
    void rejectsANonTidPostRkeyUnlessToldToMirrorThePds() throws Exception {
        String token = login().get("accessJwt").asText();
        HttpResponse<String> r = create(token, post("x"), "herald-0123abcd");
        assertEquals(400, r.statusCode());
        assertTrue(TestHttp.json(r).get("message").asText().contains("TID"));
        assertEquals(400, create(token, post("x"), "bad key!").statusCode());
        try (MockBluesky lenient = MockBluesky.builder().acceptNonTidPostRkeys().start()) {
            String t = TestHttp.json(TestHttp.send(TestHttp.post(lenient.uri("/xrpc/com.atproto.server.createSession"), "application/json",
                    TestHttp.JSON.writeValueAsBytes(Map.of("identifier", lenient.handle(), "password", lenient.password())), Map.of()).build()))
                    .get("accessJwt").asText();
            ObjectNode in = TestHttp.JSON.createObjectNode().put("repo", lenient.did()).put("collection", "app.bsky.feed.post").put("rkey", "herald-0123abcd");
            in.set("record", post("x"));
            assertEquals(200, TestHttp.send(TestHttp.post(lenient.uri("/xrpc/com.atproto.repo.createRecord"), "application/json",
                    TestHttp.JSON.writeValueAsBytes(in), Map.of("Authorization", "Bearer " + t)).build()).statusCode());
            assertEquals(List.of("herald-0123abcd"), List.copyOf(lenient.clientRkeys()));
        }
    }

    @Test
    void sendsRateLimitHeadersAndLimitsLogins() throws Exception {
        HttpResponse<String> first = xrpc("com.atproto.server.createSession", null, Map.of("identifier", bsky.handle(), "password", bsky.password()));
        assertEquals("30", first.headers().firstValue("RateLimit-Limit").orElseThrow());
        assertEquals("29", first.headers().firstValue("RateLimit-Remaining").orElseThrow());
        assertEquals("30;w=300", first.headers().firstValue("RateLimit-Policy").orElseThrow());
        assertEquals(Long.toString(NOW.plusSeconds(300).getEpochSecond()), first.headers().firstValue("RateLimit-Reset").orElseThrow());
        for (int i = 0; i < 29; i++) xrpc("com.atproto.server.createSession", null, Map.of("identifier", bsky.handle(), "password", bsky.password()));
        HttpResponse<String> limited = xrpc("com.atproto.server.createSession", null, Map.of("identifier", bsky.handle(), "password", bsky.password()));
        assertEquals(429, limited.statusCode());
        assertEquals("{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}", limited.body());
        assertEquals(Long.toString(NOW.plusSeconds(300).getEpochSecond()), limited.headers().firstValue("RateLimit-Reset").orElseThrow());
        assertEquals("0", limited.headers().firstValue("RateLimit-Remaining").orElseThrow());
        assertTrue(limited.headers().firstValue("Retry-After").isEmpty(), "Bluesky sends no Retry-After");
        clock.advance(Duration.ofMinutes(5));
        assertEquals(200, xrpc("com.atproto.server.createSession", null, Map.of("identifier", bsky.handle(), "password", bsky.password())).statusCode());
        assertEquals(31, bsky.sessionCreationCount());
        assertEquals(1, bsky.rateLimitedCount());
    }

    @Test
    void chargesThreePointsPerPostAgainstTheHourlyWriteBudget() throws Exception {
        try (MockBluesky tight = MockBluesky.builder().clock(clock).writePointsPerHour(6).start()) {
            String token = TestHttp.json(TestHttp.send(TestHttp.post(tight.uri("/xrpc/com.atproto.server.createSession"), "application/json",
                    TestHttp.JSON.writeValueAsBytes(Map.of("identifier", tight.handle(), "password", tight.password())), Map.of()).build()))
                    .get("accessJwt").asText();
            ObjectNode in = TestHttp.JSON.createObjectNode().put("repo", tight.did()).put("collection", "app.bsky.feed.post");
            in.set("record", post("x"));
            java.util.function.Supplier<HttpRequest> req = () -> {
                try {
                    return TestHttp.post(tight.uri("/xrpc/com.atproto.repo.createRecord"), "application/json", TestHttp.JSON.writeValueAsBytes(in),
                            Map.of("Authorization", "Bearer " + token)).build();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            HttpResponse<String> one = TestHttp.send(req.get());
            assertEquals("3", one.headers().firstValue("RateLimit-Remaining").orElseThrow());
            assertEquals("6;w=3600", one.headers().firstValue("RateLimit-Policy").orElseThrow());
            assertEquals(200, TestHttp.send(req.get()).statusCode());
            HttpResponse<String> limited = TestHttp.send(req.get());
            assertEquals(429, limited.statusCode());
            assertEquals(Long.toString(NOW.plusSeconds(3600).getEpochSecond()), limited.headers().firstValue("RateLimit-Reset").orElseThrow());
            clock.advance(Duration.ofHours(1));
            assertEquals(200, TestHttp.send(req.get()).statusCode());
            assertEquals(3, tight.postCount());
        }
    }

    @Test
    void injectsBlueskyShaped429And5xx() throws Exception {
        String token = login().get("accessJwt").asText();
        bsky.failNext(1, Fault.rateLimited(Duration.ofMinutes(2)).onlyFor("/xrpc/com.atproto.repo.createRecord"));
        bsky.failNext(1, Fault.serverError(502));
        HttpResponse<String> limited = create(token, post("x"));
        assertEquals(429, limited.statusCode());
        assertEquals("RateLimitExceeded", errorOf(limited));
        assertEquals(Long.toString(NOW.plusSeconds(120).getEpochSecond()), limited.headers().firstValue("RateLimit-Reset").orElseThrow());
        HttpResponse<String> upstream = create(token, post("x"));
        assertEquals(502, upstream.statusCode());
        assertEquals("UpstreamFailure", errorOf(upstream));
        assertEquals(200, create(token, post("x")).statusCode());
        assertEquals(1, bsky.postCount());
    }

    @Test
    void injectedUnauthorizedLooksLikeTheRealOne() throws Exception {
        String token = login().get("accessJwt").asText();
        bsky.failNext(1, Fault.unauthorized());
        HttpResponse<String> r = create(token, post("x"));
        assertEquals(401, r.statusCode());
        assertEquals("AuthenticationRequired", errorOf(r));
    }

    @Test
    void logsInOnceForManyConcurrentPosts() throws Exception {
        String token = login().get("accessJwt").asText();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String text = "post " + i;
                results.add(pool.submit(() -> create(token, post(text)).statusCode()));
            }
            for (Future<Integer> f : results) assertEquals(200, f.get());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(200, bsky.postCount());
        assertEquals(1, bsky.sessionCreationCount());
        assertEquals(200, bsky.posts().stream().map(BlueskyPost::rkey).distinct().count());
    }

    @Test
    void mintsIncreasingTidRkeys() throws Exception {
        String token = login().get("accessJwt").asText();
        create(token, post("a"));
        create(token, post("b"));
        List<BlueskyPost> posts = bsky.posts();
        assertTrue(AtIds.isTid(posts.get(0).rkey()), posts.get(0).rkey());
        assertTrue(posts.get(0).rkey().compareTo(posts.get(1).rkey()) < 0);
        assertNotEquals(posts.get(0).cid(), posts.get(1).cid());
    }

    @Test
    void answersUnknownMethodsWith501() throws Exception {
        assertEquals(501, xrpc("com.atproto.repo.applyWrites", null, Map.of()).statusCode());
    }

    @Test
    void expireAccessTokensForcesARefresh() throws Exception {
        String token = login().get("accessJwt").asText();
        bsky.expireAccessTokens();
        assertEquals("ExpiredToken", errorOf(create(token, post("x"))));
    }
}

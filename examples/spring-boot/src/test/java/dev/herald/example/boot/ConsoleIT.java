package dev.herald.example.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.console.Console;
import dev.herald.delivery.AuditEntry;
import dev.herald.delivery.DeliveryClient;
import dev.herald.delivery.SendTime;
import dev.herald.delivery.Share;
import dev.herald.delivery.ShareQuery;
import dev.herald.delivery.ShareState;
import dev.herald.meta.ArticleMeta;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The console mounted by the auto-configuration in the example site on embedded Tomcat, behind the
 * site's Spring Security sign-in: staff roles from application.properties (STAFF is a viewer,
 * MARKETING an editor), the article read back from the running site itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "herald.console.enabled=true",
        // The article pages this console reads are this very site, on loopback.
        "herald.console.fetch-allow=127.0.0.1",
        "herald.delivery.database=target/herald-data/console-${random.uuid}"})
class ConsoleIT {
    private static final String CONSOLE = "/herald/console";
    private static final String ARTICLE = "/articles/harbour-bridge";
    private static final String HEADLINE = "Harbour bridge reopens after two-year repair";
    private static final List<String> WRITES = List.of("/compose", "/shares/reschedule", "/shares/cancel", "/shares/retry", "/shares/text",
            "/accounts/check", "/accounts/reset");

    @TestConfiguration(proxyBeanMethods = false)
    static class Accounts {
        @Bean
        TestSyndicators.Accepting newsroom() {
            return new TestSyndicators.Accepting();
        }
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    DeliveryClient delivery;
    @Autowired
    Console console;
    @Autowired
    TestSyndicators.Accepting newsroom;

    private Site site;

    @BeforeEach
    void site() {
        site = new Site(port);
    }

    @Test
    void aSignedOutVisitorIsSentToSignInAndChangesNothing() throws Exception {
        Share share = scheduledTomorrow("/articles/signed-out");
        Staff visitor = new Staff(site);

        HttpResponse<String> page = visitor.get(CONSOLE + "/queue");
        assertEquals(302, page.statusCode(), page.body());
        assertEquals(site.url("/login"), page.headers().firstValue("Location").orElseThrow());

        HttpResponse<String> cancel = visitor.post(CONSOLE + "/shares/cancel", Staff.form("id", share.id()));
        assertTrue(cancel.statusCode() == 302 || cancel.statusCode() == 401 || cancel.statusCode() == 403, "answered " + cancel.statusCode());
        assertEquals(ShareState.SCHEDULED, delivery.find(share.id()).orElseThrow().state());
    }

    @Test
    void aViewerSeesTheQueueButEveryWriteIsRefused() throws Exception {
        Share share = scheduledTomorrow("/articles/viewer");
        Staff sam = new Staff(site).signIn(Staff.VIEWER);

        Document queue = sam.page(CONSOLE + "/queue");
        assertTrue(queue.text().contains("sam · viewer"), queue.text());
        assertTrue(queue.text().contains(HEADLINE), "the queue lists the scheduled share");
        String token = queue.body().attr("data-csrf");
        assertTrue(!token.isEmpty(), "the page carries the session's form token");

        for (String write : WRITES) {
            List<String[]> form = Staff.form("csrf", token, "id", share.id(), "account", "newsroom", "url", site.url(ARTICLE),
                    "when", "now", "action", "schedule", "text", "changed");
            HttpResponse<String> r = sam.post(CONSOLE + write, form);
            assertEquals(403, r.statusCode(), write + " " + r.body());
            assertTrue(r.body().contains("This needs the"), write + " was refused for the role, not the token: " + r.body());
        }
        Share after = delivery.find(share.id()).orElseThrow();
        assertEquals(ShareState.SCHEDULED, after.state());
        assertEquals(share.dueAt(), after.dueAt());
        assertEquals(null, after.text());
        assertEquals(1, delivery.list(ShareQuery.all(100)).stream().filter(s -> s.article().title().equals(HEADLINE)
                && s.article().url().getPath().equals("/articles/viewer")).count());
        assertTrue(newsroom.sent.isEmpty(), "nothing was sent");
        long refusals = delivery.auditLog(100).stream().filter(e -> e.actor().equals("sam") && e.action().equals("refused")).count();
        assertEquals(WRITES.size(), refusals);
    }

    @Test
    void anEditorSchedulesAndCancelsAShareThroughTheConsolesForms() throws Exception {
        Staff mara = new Staff(site).signIn(Staff.EDITOR);

        Document compose = mara.page(CONSOLE + "/compose?url=" + Site.q(site.url(ARTICLE)));
        assertTrue(compose.text().contains("mara · editor"), "the highest mapped role wins: " + compose.text());
        Element form = compose.selectFirst("form.compose");
        assertNotNull(form, compose.html());
        LocalDateTime at = LocalDate.now(ZoneOffset.UTC).plusDays(2).atTime(9, 30);
        List<String[]> fields = new ArrayList<>(Staff.fields(form).stream()
                .filter(f -> !List.of("when", "at", "zone").contains(f[0])).toList());
        fields.add(new String[] {"when", "at"});
        fields.add(new String[] {"at", at.toString()});
        fields.add(new String[] {"zone", "UTC"});
        fields.add(new String[] {"action", "schedule"});
        HttpResponse<String> scheduled = mara.post(URI.create(form.absUrl("action")).getRawPath(), fields);
        assertEquals(303, scheduled.statusCode(), scheduled.body());
        assertEquals(CONSOLE + "/queue", scheduled.headers().firstValue("Location").orElseThrow());

        Share share = delivery.list(ShareQuery.inStates(100, ShareState.SCHEDULED)).stream()
                .filter(s -> s.article().url().equals(URI.create(site.url(ARTICLE)))).findFirst().orElseThrow();
        assertEquals("newsroom", share.account());
        assertEquals(at.toInstant(ZoneOffset.UTC), share.dueAt());
        assertEquals(HEADLINE, share.article().title());

        Document queue = mara.page(CONSOLE + "/queue");
        assertTrue(queue.text().contains("Scheduled 1 share of “" + HEADLINE + "”."), queue.text());
        Element cancel = queue.select("form[action$=/shares/cancel]").stream()
                .filter(f -> f.selectFirst("input[name=id][value=" + share.id() + "]") != null).findFirst().orElseThrow();
        HttpResponse<String> cancelled = mara.submit(cancel);
        assertEquals(303, cancelled.statusCode(), cancelled.body());
        assertEquals(ShareState.CANCELLED, delivery.find(share.id()).orElseThrow().state());

        List<AuditEntry> audit = delivery.auditLog(100);
        assertTrue(audit.stream().anyMatch(e -> e.actor().equals("mara") && e.action().equals("schedule") && e.target().equals(share.id())), audit.toString());
        assertTrue(audit.stream().anyMatch(e -> e.actor().equals("mara") && e.action().equals("cancel") && e.target().equals(share.id())), audit.toString());
    }

    @Test
    void aFormWithoutTheConsolesTokenChangesNothingEvenForAnEditor() throws Exception {
        Share share = scheduledTomorrow("/articles/forged");
        Staff mara = new Staff(site).signIn(Staff.EDITOR);
        mara.page(CONSOLE + "/queue");

        HttpResponse<String> forged = mara.post(CONSOLE + "/shares/cancel", Staff.form("id", share.id()));
        assertEquals(403, forged.statusCode(), forged.body());
        assertEquals(ShareState.SCHEDULED, delivery.find(share.id()).orElseThrow().state());
    }

    /** A share of the site's article, scheduled straight through the delivery API, a day ahead so that nothing sends it. */
    private Share scheduledTomorrow(String path) {
        ArticleMeta article = ArticleMeta.builder().url(URI.create("https://harbour.example" + path)).title(HEADLINE).build();
        return delivery.schedule(article, "newsroom", SendTime.at(Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES)));
    }
}

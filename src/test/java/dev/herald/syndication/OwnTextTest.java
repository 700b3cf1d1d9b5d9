package dev.herald.syndication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.facebook.FacebookAccount;
import dev.herald.syndication.facebook.FacebookSyndicator;
import dev.herald.syndication.linkedin.LinkedInAccount;
import dev.herald.syndication.linkedin.LinkedInSyndicator;
import dev.herald.syndication.threads.ThreadsAccount;
import dev.herald.syndication.threads.ThreadsSyndicator;
import dev.herald.syndication.x.XAccount;
import dev.herald.syndication.x.XCredentials;
import dev.herald.syndication.x.XSyndicator;
import dev.herald.testkit.HeraldMockExtension;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockFacebook;
import dev.herald.testkit.MockLinkedIn;
import dev.herald.testkit.MockThreads;
import dev.herald.testkit.MockX;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A share's own text (written in the console or given with {@code --text}) is what each network
 * receives, in place of the text composed from the article, on every network without an
 * idempotency key too.
 */
@ExtendWith(HeraldMockExtension.class)
class OwnTextTest {
    static final ArticleMeta STORY = ArticleMeta.builder().url("https://ledger.example/harbour").title("Harbour reopens after the storm")
            .description("The port authority lifted its closure at dawn.").build();
    static final String OWN = "Ships are moving again: the harbour reopened at dawn. https://ledger.example/harbour";

    final HttpTransport http = HttpTransport.create();

    @AfterEach
    void close() throws IOException {
        http.close();
    }

    static Post post(String account) {
        return new Post(STORY, account, "", Post.keyOf(STORY.url().toString(), account, "")).withText(OWN);
    }

    @Test
    void xPostsTheSharesOwnText(MockX x, ManualClock clock) {
        XSyndicator s = new XSyndicator(new XAccount("x", x.baseUri(), new XCredentials.OAuth1(Secret.of("ck", MockX.DEFAULT_CONSUMER_KEY),
                Secret.of("cs", MockX.DEFAULT_CONSUMER_SECRET), Secret.of("at", MockX.DEFAULT_ACCESS_TOKEN),
                Secret.of("ats", MockX.DEFAULT_ACCESS_TOKEN_SECRET)), null), http, clock);
        assertTrue(s.send(post("x")).delivered());
        assertEquals(OWN, x.posts().get(0).text());
        assertTrue(s.preview(post("x")).payload().contains("Ships are moving again"));
    }

    @Test
    void facebookPostsTheSharesOwnText(MockFacebook fb, ManualClock clock) {
        FacebookSyndicator s = new FacebookSyndicator(new FacebookAccount("fb", fb.baseUri(), MockFacebook.DEFAULT_PAGE_ID,
                Secret.of("fb", MockFacebook.DEFAULT_PAGE_TOKEN), null, null), http, clock);
        assertTrue(s.send(post("fb")).delivered());
        assertEquals(OWN, fb.posts().get(0).message());
    }

    @Test
    void linkedInPostsTheSharesOwnText(MockLinkedIn li, ManualClock clock) {
        LinkedInSyndicator s = new LinkedInSyndicator(new LinkedInAccount("li", li.baseUri(), MockLinkedIn.DEFAULT_AUTHOR,
                Secret.of("li", MockLinkedIn.DEFAULT_TOKEN), null, null, null), http, clock);
        assertTrue(s.send(post("li")).delivered());
        assertEquals(OWN, li.posts().get(0).commentary());
    }

    @Test
    void threadsPublishesTheSharesOwnText(MockThreads threads, ManualClock clock) {
        ThreadsSyndicator s = new ThreadsSyndicator(new ThreadsAccount("th", threads.baseUri(), MockThreads.DEFAULT_USER_ID,
                Secret.of("th", MockThreads.DEFAULT_TOKEN), null), http, clock);
        assertTrue(s.send(post("th")).delivered());
        assertEquals(OWN, threads.posts().get(0).text());
    }
}

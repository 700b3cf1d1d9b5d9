package dev.herald.syndication.facebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.CredentialCheck;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.NetworkRegistry;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TokenStore;
import dev.herald.syndication.Tokens;
import dev.herald.syndication.config.ConfigException;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.syndication.config.SyndicatorFactory;
import dev.herald.testkit.HeraldMockExtension;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockFacebook;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A Facebook Page token that dies in the middle of a run (a password change) and the new sign-in that the running syndicator picks up from the store. */
@ExtendWith(HeraldMockExtension.class)
class FacebookStoredTokenTest {
    private final HttpTransport http = HttpTransport.create();
    private final TokenStore store = TokenStore.inMemory();
    private final SecretSource secrets = reference -> Secret.resolve(reference, Map.of("FB_TOKEN", MockFacebook.DEFAULT_PAGE_TOKEN)::get, name -> null);

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private Syndicator syndicator(MockFacebook fb, ManualClock clock, String tokenLine) {
        String yaml = """
                accounts:
                  - name: ledger-fb
                    network: facebook
                    page: "%s"
                    clientId: %s
                %s""".formatted(MockFacebook.DEFAULT_PAGE_ID, MockFacebook.DEFAULT_APP_ID, tokenLine);
        SyndicationConfig config = fb.serve(SyndicationConfig.parse(yaml, "herald.yaml", NetworkRegistry.installed()), "ledger-fb");
        return new SyndicatorFactory(http, clock, secrets, store).createAll(config).get(0);
    }

    private static Post post(int n) {
        return Post.of(ArticleMeta.builder().title("Story " + n).url("https://ledger.example/story/" + n).build(), "ledger-fb", "1");
    }

    @Test
    void aPageTokenThatDiesMidRunIsAuthFailedAndANewSignInIsUsedWithoutARestart(MockFacebook fb, ManualClock clock) {
        Syndicator s = syndicator(fb, clock, "    token: ${env:FB_TOKEN}\n");
        assertInstanceOf(Outcome.Posted.class, s.send(post(1)));
        fb.expireToken(MockFacebook.DEFAULT_PAGE_TOKEN); // the manager changed their password

        Outcome dead = s.send(post(2));
        assertInstanceOf(Outcome.AuthFailed.class, dead, dead.describe());

        // What herald auth stores (the fake issued this Page token to the re-signed-in manager).
        String fresh = "fb-page-token-after-sign-in";
        fb.addPageToken(fresh, MockFacebook.DEFAULT_PAGE_ID);
        store.compareAndSet("ledger-fb", null, Tokens.of(fresh, null, null));

        assertInstanceOf(Outcome.Posted.class, s.send(post(2)));
        assertEquals("Bearer " + fresh, fb.lastRequest().getHeaders().get("Authorization"));
        assertEquals(2, fb.posts().size());
    }

    @Test
    void anAccountLeftToHeraldAuthSaysSoUntilItIsSignedIn(MockFacebook fb, ManualClock clock) {
        Syndicator s = syndicator(fb, clock, "");

        Outcome before = s.send(post(1));
        assertTrue(assertInstanceOf(Outcome.AuthFailed.class, before).message().contains("herald auth ledger-fb"), before.describe());
        assertEquals(CredentialCheck.Status.AUTH_FAILED, s.check().status());
        assertEquals(0, fb.requestCount(), "nothing was sent without a token");
    }

    @Test
    void anAccountWithNeitherTokenNorClientIdIsAConfigError() {
        String yaml = """
                accounts:
                  - name: ledger-fb
                    network: facebook
                    page: "1050000000000001"
                """;
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> new SyndicatorFactory(http, java.time.Clock.systemUTC(), secrets).createAll(SyndicationConfig.parse(yaml, "herald.yaml")));
        assertTrue(e.getMessage().contains("needs 'token', or the app's 'clientId'"), e.getMessage());
    }
}

package dev.herald.syndication.linkedin;

import dev.herald.internal.Validate;
import dev.herald.syndication.HttpCall;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Secret;
import dev.herald.syndication.SignIn;
import dev.herald.syndication.Tokens;
import dev.herald.syndication.internal.Forms;
import dev.herald.syndication.internal.Payloads;
import dev.herald.syndication.internal.Uris;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * LinkedIn's 3-legged OAuth: {@code /oauth/v2/authorization} asking {@code w_organization_social}
 * for an organisation author ({@code w_member_social} for a person), then
 * {@code POST /oauth/v2/accessToken} with the code and the app's secret. LinkedIn takes no PKCE
 * from web apps; the state is what ties the redirect to this sign-in. Apps approved for
 * programmatic refresh tokens also get one (365 days).
 */
final class LinkedInSignIn implements SignIn {
    private final URI oauth;
    private final String clientId;
    private final Secret clientSecret;
    private final String scope;
    private final HttpTransport http;
    private final Clock clock;

    LinkedInSignIn(URI oauth, String clientId, Secret clientSecret, String author, HttpTransport http, Clock clock) {
        this.oauth = Validate.notNull(oauth, "oauth");
        this.clientId = Validate.notBlank(clientId, "clientId");
        this.clientSecret = Validate.notNull(clientSecret, "clientSecret");
        this.scope = author.startsWith("urn:li:person:") ? "w_member_social r_basicprofile" : "w_organization_social r_organization_social";
        this.http = Validate.notNull(http, "http");
        this.clock = Validate.notNull(clock, "clock");
    }

    @Override
    public URI authorizationUrl(URI redirect, String state, String codeChallenge) {
        return Uris.withQuery(oauth.resolve("oauth/v2/authorization"), "response_type", "code", "client_id", clientId,
                "redirect_uri", redirect.toString(), "state", state, "scope", scope);
    }

    @Override
    public Tokens exchange(String code, URI redirect, String codeVerifier, String choice) throws IOException {
        HttpCall post = HttpCall.post(oauth.resolve("oauth/v2/accessToken")).header("Accept", "application/json")
                .form(Forms.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirect.toString(), "client_id", clientId,
                        "client_secret", clientSecret.value()));
        HttpReply reply = http.execute(post, Secret.of("code", code), clientSecret);
        if (!reply.ok() || Payloads.json(reply).path("access_token").asText("").isBlank()) {
            throw new SignInException("LinkedIn refused the code (" + reply.status() + "): "
                    + Payloads.json(reply).path("error_description").asText(Payloads.json(reply).path("error").asText("no reason given")));
        }
        return LinkedInTokens.fromReply(reply, null, null, clock);
    }

    @Override
    public List<String> notes(URI redirect) {
        return List.of("In the LinkedIn developer portal, the app's Auth tab: add " + redirect + " as an Authorized redirect URL.",
                "Herald asks for: " + scope + " (the app needs the matching product: Community Management API or Share on LinkedIn).");
    }
}

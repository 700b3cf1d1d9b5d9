package dev.herald.syndication.linkedin;

import dev.herald.internal.Validate;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Secret;
import dev.herald.syndication.SignIn;
import dev.herald.syndication.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.net.URIBuilder;

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
        try {
            return new URIBuilder(oauth.resolve("oauth/v2/authorization")).addParameter("response_type", "code").addParameter("client_id", clientId)
                    .addParameter("redirect_uri", redirect.toString()).addParameter("state", state).addParameter("scope", scope).build();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot build LinkedIn's authorization address: " + e.getMessage(), e);
        }
    }

    @Override
    public Tokens exchange(String code, URI redirect, String codeVerifier, String choice) throws IOException {
        HttpPost post = new HttpPost(oauth.resolve("oauth/v2/accessToken"));
        post.setEntity(new UrlEncodedFormEntity(List.of(new BasicNameValuePair("grant_type", "authorization_code"), new BasicNameValuePair("code", code),
                new BasicNameValuePair("redirect_uri", redirect.toString()), new BasicNameValuePair("client_id", clientId),
                new BasicNameValuePair("client_secret", clientSecret.value())), StandardCharsets.UTF_8));
        post.setHeader("Accept", "application/json");
        HttpReply reply = http.execute(post, Secret.of("code", code), clientSecret);
        if (!reply.ok() || reply.json().path("access_token").asText("").isBlank()) {
            throw new SignInException("LinkedIn refused the code (" + reply.status() + "): "
                    + reply.json().path("error_description").asText(reply.json().path("error").asText("no reason given")));
        }
        return LinkedInTokens.fromReply(reply, null, null, clock);
    }

    @Override
    public List<String> notes(URI redirect) {
        return List.of("In the LinkedIn developer portal, the app's Auth tab: add " + redirect + " as an Authorized redirect URL.",
                "Herald asks for: " + scope + " (the app needs the matching product: Community Management API or Share on LinkedIn).");
    }
}

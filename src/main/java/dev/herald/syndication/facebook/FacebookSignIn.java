package dev.herald.syndication.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.internal.Validate;
import dev.herald.syndication.HttpCall;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Secret;
import dev.herald.syndication.SignIn;
import dev.herald.syndication.Tokens;
import dev.herald.syndication.internal.Payloads;
import dev.herald.syndication.internal.Uris;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Facebook Login for a Page's manager, ending with the Page's token: the login dialog
 * ({@code https://www.facebook.com/{v}/dialog/oauth}, scopes {@code pages_manage_posts},
 * {@code pages_read_engagement}, {@code pages_show_list}); the code for a user token
 * ({@code /{v}/oauth/access_token}); that for a long-lived one ({@code grant_type=fb_exchange_token});
 * then {@code /{v}/me/accounts}, the Pages the user manages with a Page token each. A Page token
 * got from a long-lived user token has no expiry. The Page is the one {@code herald auth --page}
 * names, else the account's {@code page}. The user tokens are used and forgotten; only the Page
 * token is stored.
 */
final class FacebookSignIn implements SignIn {
    /** Facebook's login dialog host (the Graph API is on another). */
    static final URI DIALOG = URI.create("https://www.facebook.com/");
    static final String SCOPES = "pages_manage_posts,pages_read_engagement,pages_show_list";

    private final FacebookAccount page;
    private final String clientId;
    private final Secret clientSecret;
    private final HttpTransport http;

    FacebookSignIn(FacebookAccount page, String clientId, Secret clientSecret, HttpTransport http) {
        this.page = Validate.notNull(page, "page");
        this.clientId = Validate.notBlank(clientId, "clientId");
        this.clientSecret = Validate.notNull(clientSecret, "clientSecret");
        this.http = Validate.notNull(http, "http");
    }

    @Override
    public URI authorizationUrl(URI redirect, String state, String codeChallenge) {
        URI base = page.api().equals(FacebookAccount.DEFAULT_API) ? DIALOG : page.api();
        return Uris.withQuery(base.resolve(page.graphVersion() + "/dialog/oauth"), "client_id", clientId,
                "redirect_uri", redirect.toString(), "state", state, "scope", SCOPES, "response_type", "code");
    }

    @Override
    public Tokens exchange(String code, URI redirect, String codeVerifier, String choice) throws IOException {
        String shortLived = token(get("oauth/access_token", "client_id", clientId, "redirect_uri", redirect.toString(),
                "client_secret", clientSecret.value(), "code", code), "the code", code);
        String longLived = token(get("oauth/access_token", "grant_type", "fb_exchange_token", "client_id", clientId,
                "client_secret", clientSecret.value(), "fb_exchange_token", shortLived), "the exchange for a long-lived token", shortLived);
        HttpCall pages = request("me/accounts", "fields", "id,name,access_token,tasks", "limit", "100")
                .header("Authorization", "Bearer " + longLived);
        HttpReply reply = http.execute(pages, clientSecret, Secret.of("user", longLived));
        if (!reply.ok()) throw new SignInException("Facebook refused to list the Pages (" + reply.status() + "): " + message(reply));
        String wanted = choice != null ? choice.strip() : page.page();
        List<String> seen = new ArrayList<>();
        for (JsonNode p : Payloads.json(reply).path("data")) {
            seen.add(p.path("id").asText() + " (" + p.path("name").asText("?") + ")");
            if (wanted.equals(p.path("id").asText()) && !p.path("access_token").asText("").isBlank()) {
                return Tokens.of(p.path("access_token").asText(), null, null);
            }
        }
        throw new SignInException("the signed-in user does not manage Page " + wanted + "; Pages found: "
                + (seen.isEmpty() ? "none" : String.join(", ", seen)) + ". Choose one with --page ID (and set it as the account's page)");
    }

    @Override
    public List<String> notes(URI redirect) {
        return List.of("In the Meta app dashboard, Facebook Login settings: add " + redirect + " as a Valid OAuth Redirect URI.",
                "Herald asks for: " + SCOPES + "; sign in as a person who can create content on the Page.");
    }

    private String token(HttpCall request, String what, String spent) throws IOException {
        HttpReply reply = http.execute(request, clientSecret, Secret.of("code", spent));
        String token = Payloads.json(reply).path("access_token").asText("");
        if (!reply.ok() || token.isBlank()) throw new SignInException("Facebook refused " + what + " (" + reply.status() + "): " + message(reply));
        return token;
    }

    private HttpCall get(String path, String... params) {
        return request(path, params);
    }

    private HttpCall request(String path, String... params) {
        return HttpCall.get(Uris.withQuery(page.graph(path), params)).header("Accept", "application/json");
    }

    private String message(HttpReply reply) {
        return clientSecret.maskIn(Payloads.json(reply).path("error").path("message").asText("no reason given"));
    }
}

package dev.herald.syndication;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * One account's OAuth 2.0 authorization-code sign-in, as {@code herald auth} runs it: the address
 * the person opens to allow Herald to post, and the exchange of the code the network sends back to
 * Herald's loopback address for tokens. {@code herald auth} makes the {@code state} and the PKCE
 * verifier, checks the state, and stores the tokens; an implementation only speaks the network's
 * dialect. Implementations never log or return a token except inside the {@link Tokens}.
 */
public interface SignIn {
    /**
     * The network's authorization address for this account's app.
     *
     * @param redirect where the network sends the person back (Herald's loopback address)
     * @param state the value the redirect must carry back unchanged
     * @param codeChallenge the PKCE S256 challenge: Base64url of SHA-256 of the verifier; a network
     *     without PKCE ignores it
     */
    URI authorizationUrl(URI redirect, String state, String codeChallenge);

    /**
     * Exchanges the authorization code for the tokens to store (for a Facebook Page, after trading
     * the user's token for the chosen Page's).
     *
     * @param code the code the redirect carried
     * @param redirect the same redirect address as in {@link #authorizationUrl}
     * @param codeVerifier the PKCE verifier behind the challenge
     * @param choice what the person chose where a sign-in covers several (a Facebook Page id), or {@code null}
     * @throws IOException when the network cannot be reached
     * @throws SignInException when the network refuses the exchange; the message says why, without secrets
     */
    Tokens exchange(String code, URI redirect, String codeVerifier, String choice) throws IOException;

    /** What the person should know before signing in (the scopes asked, how to register the redirect), one line each. */
    default List<String> notes(URI redirect) {
        return List.of("register " + redirect + " as a redirect (callback) URL of the app");
    }

    /** A refused sign-in, with the network's reason. */
    final class SignInException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** A refusal saying {@code message}. */
        public SignInException(String message) {
            super(message);
        }
    }
}

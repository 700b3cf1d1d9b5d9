package dev.herald.syndication.x;

import dev.herald.internal.Validate;
import dev.herald.syndication.Secret;
import java.util.List;

/**
 * How Herald signs in to X for one account: OAuth 1.0a user context (the app's consumer key and
 * secret, the user's access token and secret; every request HMAC-SHA1 signed) or an OAuth 2.0 user
 * access token sent as {@code Bearer}. {@code toString()} shows references, never values.
 */
public sealed interface XCredentials {
    /** Every credential, for masking. */
    List<Secret> secrets();

    /**
     * OAuth 1.0a user context.
     *
     * @param consumerKey the app's API key
     * @param consumerSecret the app's API key secret
     * @param token the user's access token
     * @param tokenSecret the user's access token secret
     */
    record OAuth1(Secret consumerKey, Secret consumerSecret, Secret token, Secret tokenSecret) implements XCredentials {
        /** Requires all four. */
        public OAuth1 {
            Validate.notNull(consumerKey, "consumerKey");
            Validate.notNull(consumerSecret, "consumerSecret");
            Validate.notNull(token, "accessToken");
            Validate.notNull(tokenSecret, "accessTokenSecret");
        }

        @Override
        public List<Secret> secrets() {
            return List.of(consumerKey, consumerSecret, token, tokenSecret);
        }
    }

    /**
     * An OAuth 2.0 user access token (scopes {@code tweet.read tweet.write users.read}). X's expire
     * after two hours; an account with a {@code clientId} renews them from the credential store
     * ({@code herald auth} signs in, each renewal stores the rotated refresh token).
     *
     * @param token the access token
     */
    record Bearer(Secret token) implements XCredentials {
        /** Requires the token. */
        public Bearer {
            Validate.notNull(token, "token");
        }

        @Override
        public List<Secret> secrets() {
            return List.of(token);
        }
    }
}

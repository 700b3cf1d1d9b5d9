package dev.herald.syndication.x;

import java.io.IOException;

/**
 * Where an OAuth 2.0 user access token comes from when it can be renewed: the seam between the
 * syndicator, which only needs a current token and a way to get a new one after a 401, and
 * whatever keeps the rotating refresh token (in memory here; an encrypted store with
 * compare-and-set is the sign-in work's part).
 */
public interface XTokenSource {
    /** The access token to send now. */
    String current();

    /**
     * A new access token after {@code rejected} was refused; when another thread renewed it
     * meanwhile, that token, without a second renewal.
     *
     * @return the new token, or {@code null} when the refresh itself was refused (sign in again)
     * @throws IOException when the token endpoint did not answer
     */
    String renew(String rejected) throws IOException;
}

package dev.herald.delivery;

import dev.herald.syndication.TokenStore;
import dev.herald.syndication.Tokens;
import java.util.List;

/**
 * The delivery database's {@link TokenStore}: tokens sealed at rest, shared by every node, written
 * by compare-and-set. Besides what syndicators need, it lets {@code herald auth} replace an
 * account's tokens and {@code herald accounts} list when they expire. Never logs a token.
 */
public interface CredentialStore extends TokenStore {
    /** Replaces whatever is stored for {@code account} with {@code tokens} (a fresh sign-in); returns them as stored. */
    Tokens save(String account, Tokens tokens);

    /** Every account with stored tokens, by name, without opening them. */
    List<StoredCredential> list();

    /** Forgets {@code account}'s tokens; {@code false} when none were stored. */
    boolean delete(String account);
}

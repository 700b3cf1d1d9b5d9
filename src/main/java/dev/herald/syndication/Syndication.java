package dev.herald.syndication;

import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.syndication.config.SyndicatorFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A site's social accounts, ready to post to: one {@link Syndicator} per enabled account of a
 * {@code herald.yaml}, in file order. Posting here is immediate and in process; for scheduled,
 * durable, exactly-once delivery hand {@link #syndicators()} to {@code dev.herald.delivery.Delivery}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Syndication {
    private final List<Syndicator> syndicators;

    private Syndication(List<Syndicator> syndicators) {
        this.syndicators = Collections.unmodifiableList(new ArrayList<>(syndicators));
    }

    /**
     * The accounts of the {@code herald.yaml} at {@code file}, their credentials resolved from the
     * environment and system properties, on a default HTTP client and the system clock.
     *
     * @throws dev.herald.syndication.config.ConfigException when the file is invalid or a credential
     *     it names is not set, naming the file and line
     */
    public static Syndication load(Path file) {
        return load(file, SecretSource.environment());
    }

    /** As {@link #load(Path)}, with credentials resolved by {@code secrets}. */
    public static Syndication load(Path file, SecretSource secrets) {
        Validate.notNull(file, "file");
        Validate.notNull(secrets, "secrets");
        return of(SyndicationConfig.load(file), new SyndicatorFactory(HttpTransport.create(), Clock.systemUTC(), secrets));
    }

    /** The enabled accounts of {@code config}, built by {@code factory}. */
    public static Syndication of(SyndicationConfig config, SyndicatorFactory factory) {
        Validate.notNull(config, "config");
        Validate.notNull(factory, "factory");
        return new Syndication(factory.createAll(config));
    }

    /** Syndication to exactly {@code syndicators} (your own, or ones built by hand). */
    public static Syndication of(List<? extends Syndicator> syndicators) {
        Validate.notNull(syndicators, "syndicators");
        return new Syndication(List.copyOf(syndicators));
    }

    /** One syndicator per enabled account, in file order. */
    public List<Syndicator> syndicators() {
        return syndicators;
    }

    /**
     * Posts {@code article} to every account now, one after another, and returns each account's
     * outcome by account name, in file order. One account's failure never stops the others.
     */
    public Map<String, Outcome> post(ArticleMeta article) {
        Validate.notNull(article, "article");
        Map<String, Outcome> out = new LinkedHashMap<>();
        for (Syndicator s : syndicators) out.put(s.account(), s.send(Post.of(article, s.account(), null)));
        return Collections.unmodifiableMap(out);
    }

    /** What {@link #post} would send to each account, without any network request. */
    public List<Preview> preview(ArticleMeta article) {
        Validate.notNull(article, "article");
        List<Preview> out = new ArrayList<>();
        for (Syndicator s : syndicators) out.add(s.preview(Post.of(article, s.account(), null)));
        return Collections.unmodifiableList(out);
    }
}

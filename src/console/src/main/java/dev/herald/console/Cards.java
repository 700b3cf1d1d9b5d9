package dev.herald.console;

import dev.herald.delivery.TextLimits;
import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.NetworkProvider;
import dev.herald.syndication.NetworkRegistry;
import dev.herald.syndication.Post;
import dev.herald.syndication.Preview;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TextRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the console's card previews and counts from the syndicators' own dry runs and the
 * networks' own text rules, the same ones delivery checks a share's text against.
 */
final class Cards {
    private static final Set<String> LAYOUTS = Set.of("x", "facebook", "linkedin", "mastodon", "bluesky", "threads");

    private final TextLimits limits;
    private final NetworkRegistry registry;

    Cards(TextLimits limits, NetworkRegistry registry) {
        this.limits = Validate.notNull(limits, "limits");
        this.registry = Validate.notNull(registry, "registry");
    }

    /** The rules {@code network}'s texts are counted by: the delivery's limits first, else the network's own. */
    TextRules rules(String network) {
        if (limits.byNetwork().containsKey(network)) return limits.of(network);
        return registry.find(network).map(NetworkProvider::textRules).orElse(TextRules.UNLIMITED);
    }

    /** One card per syndicator, with the text given for its account in {@code texts} or else the composed one. */
    List<Card> cards(ArticleMeta article, List<Syndicator> syndicators, Map<String, String> texts) {
        List<Card> out = new ArrayList<>();
        for (Syndicator s : syndicators) {
            String own = texts.get(s.account());
            String text = own;
            if (text == null || text.isBlank()) {
                Preview p = s.preview(Post.of(article, s.account(), null));
                text = p.text().text();
                own = null;
            }
            out.add(card(article, s.account(), s.network(), text, own != null));
        }
        return out;
    }

    /** The card for one account and text. */
    Card card(ArticleMeta article, String account, String network, String text, boolean edited) {
        TextRules rules = rules(network);
        String layout = LAYOUTS.contains(network) ? network : "plain";
        String host = article.url() == null ? "" : article.url().getHost();
        if (host != null && host.startsWith("www.")) host = host.substring(4);
        return new Card(account, network, layout, text, rules.length(text), rules.maxLength(), rules.fits(text), segments(text),
                article.title() == null ? "" : article.title(), article.description() == null ? "" : article.description(),
                article.image() == null ? null : article.image().url().toString(), host == null ? "" : host, edited);
    }

    static List<Card.Segment> segments(String text) {
        List<Card.Segment> out = new ArrayList<>();
        int at = 0;
        for (TextRules.Span span : TextRules.links(text)) {
            if (span.start() > at) out.add(new Card.Segment(text.substring(at, span.start()), false));
            out.add(new Card.Segment(text.substring(span.start(), span.end()), true));
            at = span.end();
        }
        if (at < text.length()) out.add(new Card.Segment(text.substring(at), false));
        return out;
    }
}

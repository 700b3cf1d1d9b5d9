package dev.herald.syndication.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.internal.TextFit;
import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.ComposedText;
import dev.herald.syndication.Composer;
import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.Post;
import dev.herald.syndication.TextRules;
import dev.herald.syndication.internal.Payloads;

/**
 * The Block Kit message both Slack forms send (an incoming webhook and {@code chat.postMessage}):
 * one section with the linked headline, the summary and the image, and the notification text.
 */
final class SlackBlocks {
    private SlackBlocks() {}

    /** The notification text as the account's template words it; its 40,000-character limit is never near. */
    static ComposedText compose(Post post, MessageTemplate template) {
        return Composer.compose(post, template, new TextRules(SlackText.SECTION, Integer.MAX_VALUE, -1));
    }

    /**
     * {@code {text, blocks: [section], unfurl_links: false}}: the section's mrkdwn is the headline in
     * bold, linked to the article, then the summary, cut so the whole stays within 3,000 characters;
     * the article image is the section's accessory (its alt text, else the headline).
     */
    static ObjectNode message(Post post, ComposedText text) {
        ArticleMeta a = post.article();
        String url = SlackText.url(a.url().toString());
        String headline = a.title() == null || a.title().isBlank() ? a.url().toString() : a.title().strip();
        // "*<" + url + "|" + headline + ">*" plus "\n" before the summary.
        String linkedHeadline = "*<" + url + "|" + SlackText.fitEscaped(headline, SlackText.SECTION - url.length() - 6) + ">*";
        String summary = SlackText.fitEscaped(a.description(), SlackText.SECTION - linkedHeadline.length() - 1);
        ObjectNode body = Payloads.object();
        body.put("text", SlackText.escape(text.text()));
        ArrayNode blocks = body.putArray("blocks");
        ObjectNode section = blocks.addObject().put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", summary.isEmpty() ? linkedHeadline : linkedHeadline + "\n" + summary);
        if (a.image() != null && a.image().url() != null) {
            String alt = a.image().alt() != null && !a.image().alt().isBlank() ? a.image().alt() : headline;
            section.putObject("accessory").put("type", "image").put("image_url", a.image().url().toString())
                    .put("alt_text", TextFit.fit(alt.strip(), SlackText.ALT, String::length));
        }
        body.put("unfurl_links", false);
        return body;
    }
}

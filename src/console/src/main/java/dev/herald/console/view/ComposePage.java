package dev.herald.console.view;

import dev.herald.console.Card;
import dev.herald.console.Finding;
import dev.herald.meta.ArticleMeta;
import java.util.List;
import java.util.Set;

/**
 * The compose page: the article, its lint findings, one card per account, and the send-time form.
 *
 * @param url the article URL typed in, or {@code ""}
 * @param recent the site's recent articles from its feed
 * @param article the resolved article, or {@code null} before one is chosen
 * @param status the page's HTTP status, or 0
 * @param findings what is wrong with its card
 * @param cards one card per account
 * @param selected the accounts ticked
 * @param error why the last attempt was refused, or {@code null}
 * @param when {@code now}, {@code at}, {@code next} or {@code recurring}
 * @param at the local time typed in, {@code yyyy-MM-ddTHH:mm}
 * @param zone the time zone typed in
 * @param zones zone names to offer
 * @param everyDays the days between re-shares typed in
 * @param times the number of re-shares typed in
 */
public record ComposePage(String url, List<ArticleMeta> recent, ArticleMeta article, int status, List<Finding> findings, List<Card> cards,
        Set<String> selected, String error, String when, String at, String zone, List<String> zones, String everyDays, String times) {}

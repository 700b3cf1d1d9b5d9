package dev.herald.buttons;

import java.net.URI;

/**
 * Writes a share link in fewer bytes with the same meaning: every page view carries a dozen of
 * them, and each repeats the article's URL and headline.
 *
 * <p>Only equivalences every receiver honours are used: inside the query of an http(s) link,
 * {@code /} and {@code :} need no escape (RFC 3986, section 3.4), so the {@code %2F} and the
 * {@code %3A%2F%2F} of a URL passed as a value are written as characters; a link to the site's own share endpoint is written
 * root-relative, resolving against the site that served the page; and in such a link a space is
 * {@code +}, which a servlet container decodes as form data does. Links to other sites keep
 * {@code %20}, because not every share page reads {@code +} as a space, nor does {@code mailto:}.
 */
final class CompactUrls {
    private CompactUrls() {}

    /**
     * The compact form of {@code href}.
     *
     * @param ownEndpoint whether {@code href} goes to the site's share endpoint at a site path
     */
    static String compact(URI href, boolean ownEndpoint) {
        String s = href.toASCIIString();
        String scheme = href.getScheme();
        if (scheme == null || !(scheme.equals("https") || scheme.equals("http"))) return s;
        int q = s.indexOf('?');
        if (q < 0) return s;
        String head = s.substring(0, q);
        // "://" and "/" only: a colon elsewhere stays escaped, so "javascript:" never appears in a link.
        String query = s.substring(q).replace("%3A%2F%2F", "://").replace("%2F", "/");
        if (ownEndpoint) {
            query = query.replace("%20", "+");
            String path = href.getRawPath();
            head = path == null || path.isEmpty() ? "/" : path;
        }
        return head + query;
    }
}

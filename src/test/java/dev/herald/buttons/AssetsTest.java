package dev.herald.buttons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class AssetsTest {
    private static final Set<String> DRAWING_ELEMENTS = Set.of("svg", "path", "circle", "rect", "ellipse", "line", "polyline", "polygon");

    @Test
    void everyNetworkHasASmallIconMadeOnlyOfShapes() {
        for (Network n : Network.values()) {
            String file = Assets.read("icons/" + n.id() + ".svg");
            assertTrue(file.length() < 700, n.id() + " icon is " + file.length() + " bytes");
            Document svg = Jsoup.parse(file, "", Parser.xmlParser());
            Element root = svg.child(0);
            assertEquals("svg", root.tagName());
            assertEquals("0 0 24 24", root.attr("viewBox"));
            for (Element e : root.getAllElements()) {
                assertTrue(DRAWING_ELEMENTS.contains(e.tagName()), n.id() + " has <" + e.tagName() + ">");
                for (Attribute a : e.attributes()) {
                    assertFalse(a.getKey().startsWith("on") || a.getKey().contains("href") || a.getKey().equals("style")
                            || a.getValue().contains("url("), n.id() + " has " + a);
                }
            }
            assertFalse(Assets.ICONS.get(n).isEmpty());
        }
    }

    @Test
    void everyCssRuleIsScopedUnderTheHeraldClass() {
        for (String selector : selectors(ShareButtons.css())) {
            assertTrue(selector.startsWith(".herald-share"), "unscoped selector: " + selector);
        }
    }

    @Test
    void theCssNeedsNoImportantAndLoadsNothingButItsOwnIcons() {
        String css = ShareButtons.css();
        assertFalse(css.contains("!important"));
        assertFalse(css.contains("@import") || css.contains("@font-face"));
        int urls = css.split("url\\(", -1).length - 1;
        int icons = css.split("url\\(\"data:image/svg\\+xml,", -1).length - 1;
        assertEquals(Network.values().length, urls);
        assertEquals(urls, icons, "every url() is an icon inside the stylesheet");
        assertFalse(Assets.CSS.contains("url("), "the inline style carries no icons: inline bars draw their own");
    }

    @Test
    void everyNetworksMaskIsItsOwnIconAndNoTwoAreAlike() {
        Set<String> seen = new java.util.HashSet<>();
        for (Network n : Network.values()) {
            String rule = ".herald-share ." + n.cssClass() + "{--hs-i:url(\"data:image/svg+xml," + Assets.dataUri(Assets.read("icons/" + n.id() + ".svg")) + "\")}";
            assertTrue(ShareButtons.css().contains(rule), n.id());
            assertTrue(seen.add(Assets.ICONS.get(n)), n.id() + " draws the same icon as another network");
        }
        String uri = Assets.dataUri("<svg xmlns=\"http://www.w3.org/2000/svg\"><path d=\"M1 1\" stroke=\"currentColor\"/></svg>");
        assertEquals("%3Csvg xmlns='http://www.w3.org/2000/svg'%3E%3Cpath d='M1 1' stroke='%23000'/%3E%3C/svg%3E", uri);
    }

    @Test
    void theServedFilesAreNamedByTheirContent() {
        List<ShareAsset> assets = ShareButtons.assets();
        assertEquals(2, assets.size());
        assertEquals("share-" + Assets.shortHash(ShareButtons.css()) + ".css", assets.get(0).fileName());
        assertEquals("share-" + Assets.shortHash(ShareButtons.script()) + ".js", assets.get(1).fileName());
        assertEquals(ShareButtons.css(), assets.get(0).text());
        assertEquals("text/css;charset=utf-8", assets.get(0).contentType());
        assertEquals("text/javascript;charset=utf-8", assets.get(1).contentType());
        assertFalse(Assets.shortHash("a").equals(Assets.shortHash("b")));
        assertEquals("\"" + Assets.shortHash(ShareButtons.script()) + "\"", assets.get(1).etag());
    }

    @Test
    void theCssHonoursColourSchemeReducedMotionAndFocusVisibility() {
        String css = ShareButtons.css();
        assertTrue(css.contains("@media (prefers-color-scheme:dark)"));
        assertTrue(css.contains("@media (prefers-reduced-motion:reduce)"));
        assertTrue(css.contains(".herald-share a:focus-visible,.herald-share button:focus-visible{outline:3px solid"));
        assertTrue(css.contains("min-width:44px;min-height:44px"));
    }

    @Test
    void theScriptMakesNoRequestAndUsesNoGlobalState() {
        String js = ShareButtons.script();
        for (String banned : List.of("fetch(", "XMLHttpRequest", "sendBeacon", "import(", "eval(", "document.write", "innerHTML",
                "localStorage", "document.cookie", "http")) {
            assertFalse(js.contains(banned), "script uses " + banned);
        }
        assertFalse(js.matches("(?s).*\\b(window|globalThis|self)\\.[A-Za-z_$]+\\s*=[^=].*"), "script assigns a global");
        assertTrue(js.startsWith("(function () {") && js.endsWith("})();"), "script is not one closure");
        assertTrue(js.length() < 1700, "script is " + js.length() + " characters");
    }

    /** The selectors of every rule, inside or outside @media blocks. */
    private static List<String> selectors(String css) {
        List<String> out = new ArrayList<>();
        String flat = css.replaceAll("@media[^{]*\\{", "");
        for (String rule : flat.split("}")) {
            int brace = rule.indexOf('{');
            if (brace < 0) continue;
            for (String sel : rule.substring(0, brace).split(",")) {
                if (!sel.isBlank()) out.add(sel.strip());
            }
        }
        assertTrue(out.size() > 10, "parsed " + out);
        return out;
    }
}

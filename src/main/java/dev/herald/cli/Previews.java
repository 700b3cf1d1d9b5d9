package dev.herald.cli;

import dev.herald.syndication.ComposedText;
import dev.herald.syndication.Preview;
import java.io.PrintWriter;

/** How {@code preview} and {@code post --dry-run} show what an account would get. */
final class Previews {
    private Previews() {}

    static void print(PrintWriter out, Preview p, boolean withPayload) {
        ComposedText t = p.text();
        String limit = t.limit() == Integer.MAX_VALUE ? "no limit" : t.length() + "/" + t.limit();
        out.printf("== %s (%s) %s%s%n", p.account(), p.network(), limit, t.fits() ? "" : " DOES NOT FIT");
        if (t.shortened()) out.println("   " + String.join("; ", t.adjustments()));
        out.println(withPayload ? p.payload() : t.text());
        out.println();
        out.flush();
    }
}

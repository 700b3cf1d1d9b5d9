package dev.herald.readme;

import java.util.List;
import java.util.Objects;

/**
 * One {@code ```java} block of a Markdown file: where it is, its code, and what the text around it
 * declares for compiling it.
 *
 * @param source the Markdown file as the reader names it ({@code README.md}, {@code docs/cli.md})
 * @param fenceLine the 1-based line of the opening fence; the code's first line is the next one
 * @param lines the code, its common indentation removed
 * @param params parameters a fragment is given (from {@code <!-- snippet-params: Type name, … -->}
 *     just before the fence), empty for none
 * @param skipReason why the block is not compiled ({@code <!-- snippet: skip reason -->}), or null
 */
record Snippet(String source, int fenceLine, List<String> lines, String params, String skipReason) {
    Snippet {
        Objects.requireNonNull(source, "source");
        lines = List.copyOf(lines);
        params = params == null ? "" : params;
    }

    /** Where a line of the code is in the Markdown file: {@code README.md:42}, 1-based {@code codeLine}. */
    String where(long codeLine) {
        return source + ":" + (fenceLine + codeLine);
    }

    /** The name the test reports this snippet under. */
    String name() {
        return source + ":" + (fenceLine + 1);
    }

    /** The code as one text. */
    String code() {
        return String.join("\n", lines);
    }
}

package dev.herald.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the {@code ```java} blocks of a Markdown text, with the snippet comments before them. */
final class MarkdownSnippets {
    private static final Pattern FENCE = Pattern.compile("^(\\s*)(`{3,}|~{3,})\\s*(\\S*).*$");
    private static final Pattern PARAMS = Pattern.compile("^\\s*<!--\\s*snippet-params:\\s*(.*?)\\s*-->\\s*$");
    private static final Pattern SKIP = Pattern.compile("^\\s*<!--\\s*snippet:\\s*skip\\b\\s*(.*?)\\s*-->\\s*$");

    private MarkdownSnippets() {}

    /** Every {@code java} block of {@code markdown}, in order; {@code source} names the file in reports. */
    static List<Snippet> find(String source, String markdown) {
        String[] lines = markdown.split("\n", -1);
        List<Snippet> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher open = FENCE.matcher(lines[i]);
            if (!open.matches()) continue;
            String fence = open.group(2);
            // CommonMark: a backtick fence's info string has no backtick, so "```` ```java ````"
            // starting a line is a code span, not a fence.
            if (fence.startsWith("`") && lines[i].substring(open.end(2)).contains("`")) continue;
            int end = i + 1;
            while (end < lines.length && !lines[end].strip().startsWith(fence)) end++;
            if (end == lines.length) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": code block never closed");
            }
            if (open.group(3).equals("java")) {
                String before = previousNonBlank(lines, i);
                Matcher params = PARAMS.matcher(before);
                Matcher skip = SKIP.matcher(before);
                out.add(new Snippet(source, i + 1, unindent(lines, i + 1, end),
                        params.matches() ? params.group(1) : "",
                        skip.matches() ? (skip.group(1).isEmpty() ? "no reason given" : skip.group(1)) : null));
            }
            i = end;
        }
        return out;
    }

    private static String previousNonBlank(String[] lines, int index) {
        for (int i = index - 1; i >= 0; i--) if (!lines[i].isBlank()) return lines[i];
        return "";
    }

    // A block inside a list item is indented; the code is not.
    private static List<String> unindent(String[] lines, int from, int to) {
        int indent = Integer.MAX_VALUE;
        for (int i = from; i < to; i++) {
            if (lines[i].isBlank()) continue;
            indent = Math.min(indent, lines[i].length() - lines[i].stripLeading().length());
        }
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) out.add(lines[i].isBlank() ? "" : lines[i].substring(indent));
        return out;
    }
}

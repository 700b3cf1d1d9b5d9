package dev.herald.syndication.config;

/**
 * A mistake in {@code herald.yaml}: the message starts with {@code file:line:} so an editor can jump
 * to it, then says what is wrong and what would be right.
 */
public final class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    /**
     * @param source the file's name as the user gave it
     * @param line the 1-based line, or 0 when the mistake is the file as a whole
     */
    public ConfigException(String source, int line, String message) {
        super(source + (line > 0 ? ":" + line : "") + ": " + message);
        this.source = source;
        this.line = line;
    }

    /** The file's name as the user gave it. */
    public String source() {
        return source;
    }

    /** The 1-based line of the mistake, or 0 for the file as a whole. */
    public int line() {
        return line;
    }
}

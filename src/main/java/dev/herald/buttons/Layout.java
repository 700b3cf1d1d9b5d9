package dev.herald.buttons;

import dev.herald.internal.Validate;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a share bar arranges its buttons. */
public enum Layout {
    /** Buttons with icon and name side by side, wrapping onto more lines as needed. */
    ROW("row"),
    /** Buttons with icon and name stacked one per line. */
    COLUMN("column"),
    /** Icon-only round buttons in a row; the names stay available to assistive technology. */
    ICONS("icons");

    private final String id;

    Layout(String id) {
        this.id = id;
    }

    /** The layout's name in configuration and in the bar's class {@code herald-share--{id}}. */
    public String id() {
        return id;
    }

    /**
     * Returns the layout named {@code name} ({@code row}, {@code column} or {@code icons}), ignoring
     * case and surrounding space.
     *
     * @throws IllegalArgumentException naming the value and the valid names when it is unknown
     */
    public static Layout of(String name) {
        Validate.notNull(name, "layout");
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (Layout l : values()) if (l.id.equals(n)) return l;
        throw new IllegalArgumentException("unknown button layout '" + Validate.abbreviate(name.strip()) + "'; valid layouts are: "
                + Arrays.stream(values()).map(Layout::id).collect(Collectors.joining(", ")));
    }
}

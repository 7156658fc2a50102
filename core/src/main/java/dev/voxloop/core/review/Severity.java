package dev.voxloop.core.review;

import java.util.Locale;

/** How much a finding matters, least first; policy names the lowest severity that blocks a merge. */
public enum Severity {
    INFO, MINOR, MAJOR, CRITICAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** {@code major}, {@code MAJOR}; anything else is an {@link IllegalArgumentException} naming the choices. */
    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.id().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + text + "' (one of info, minor, major, critical)");
    }
}

package dev.voxloop.core.intent;

import java.util.Locale;
import java.util.Optional;

/** Ticket priority, Highest first; input is matched case-insensitively. */
public enum Priority {
    HIGHEST("Highest"), HIGH("High"), MEDIUM("Medium"), LOW("Low"), LOWEST("Lowest");

    private final String label;

    Priority(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Priority> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (Priority p : values()) {
            if (p.label.toLowerCase(Locale.ROOT).equals(v)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}

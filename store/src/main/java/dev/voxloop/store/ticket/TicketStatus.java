package dev.voxloop.store.ticket;

import dev.voxloop.core.problem.Problem;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The built-in tracker's workflow: any status may move to any other. {@link #label()} is what is stored. */
public enum TicketStatus {
    TO_DO("To Do"), IN_PROGRESS("In Progress"), IN_REVIEW("In Review"), DONE("Done");

    private final String label;

    TicketStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Case-insensitive, spaces, '-' and '_' alike ("in progress", "IN_PROGRESS", "to-do"). */
    public static TicketStatus parse(String value) {
        String v = value == null ? "" : normal(value);
        for (TicketStatus s : values()) {
            if (normal(s.label).equals(v)) {
                return s;
            }
        }
        throw Problem.invalid("status", "unknown status '" + (value == null ? "" : value.strip())
                + "'; allowed: " + Arrays.stream(values()).map(TicketStatus::label).collect(Collectors.joining(", ")));
    }

    private static String normal(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ");
    }
}

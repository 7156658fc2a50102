package dev.voxloop.core.event;

import java.util.Locale;

/** The original system's monitor nodes, in its VALID_NODES order plus the approval step it gained in v2. */
public enum Stage {
    RECORDING, TRANSCRIBING, EXTRACTING, CLARIFYING, PREVIEWING, CREATING, DONE, ERROR;

    /** Wire name: lower case, as the original's clients expect. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}

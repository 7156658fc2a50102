package dev.voxloop.core.event;

import java.util.Locale;

/** The intake's stages as the status stream names them (its monitor nodes, in order), the preview included. */
public enum Stage {
    RECORDING, TRANSCRIBING, EXTRACTING, CLARIFYING, PREVIEWING, CREATING, DONE, ERROR;

    /** Wire name: lower case, as status-stream clients expect. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.voxloop.core.intake;

import java.util.EnumSet;
import java.util.Set;

/**
 * {@code RECEIVED → TRANSCRIBING → [CONFIRMING] → EXTRACTING → (CLARIFYING ⇄ EXTRACTING)* → PREVIEWING → CREATING
 * → CREATED}, with exits DISCARDED, FAILED and EXPIRED. CONFIRMING: the speech engine was unsure of what it heard,
 * and the person confirms or corrects the words before anything is extracted from them.
 */
public enum IntakeState {
    RECEIVED, TRANSCRIBING, CONFIRMING, EXTRACTING, CLARIFYING, PREVIEWING, CREATING, CREATED, DISCARDED, FAILED, EXPIRED;

    public boolean terminal() {
        return this == CREATED || this == DISCARDED || this == FAILED || this == EXPIRED;
    }

    /** States that wait for the person and therefore expire. */
    public boolean awaitingPerson() {
        return this == CONFIRMING || this == CLARIFYING || this == PREVIEWING;
    }

    public Set<IntakeState> next() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(TRANSCRIBING, EXTRACTING, FAILED);
            case TRANSCRIBING -> EnumSet.of(CONFIRMING, EXTRACTING, FAILED);
            case CONFIRMING -> EnumSet.of(EXTRACTING, DISCARDED, EXPIRED);
            case EXTRACTING -> EnumSet.of(CLARIFYING, PREVIEWING, CREATING, FAILED);
            case CLARIFYING -> EnumSet.of(EXTRACTING, DISCARDED, EXPIRED, FAILED);
            case PREVIEWING -> EnumSet.of(CREATING, DISCARDED, EXPIRED);
            case CREATING -> EnumSet.of(CREATED, FAILED, PREVIEWING);
            case CREATED, DISCARDED, FAILED, EXPIRED -> EnumSet.noneOf(IntakeState.class);
        };
    }

    public boolean canMoveTo(IntakeState target) {
        return next().contains(target);
    }
}

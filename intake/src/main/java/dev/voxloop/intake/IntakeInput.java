package dev.voxloop.intake;

import dev.voxloop.core.audio.AudioUpload;
import dev.voxloop.core.input.TextField;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.ticket.TicketKey;
import dev.voxloop.core.transcript.Transcript;

/**
 * What the intake accepts from a person, checked before anything is stored: text within bounds, audio that is
 * not empty, a transcript with words in it, and a draft complete enough to file.
 */
final class IntakeInput {

    static final int MAX_TEXT_CHARS = 10_000;

    private IntakeInput() {
    }

    /**
     * {@code text} without invisible characters at its ends; refused when empty (whitespace, no-break spaces and
     * zero-width characters alone are empty), when it holds control characters, or when it is longer than
     * {@link #MAX_TEXT_CHARS} code points (413).
     */
    static String requireText(String text, String field) {
        return new TextField(field, MAX_TEXT_CHARS, true, Problem.Kind.TOO_LARGE).require(text);
    }

    static void requireAudio(AudioUpload audio) {
        if (audio == null || audio.isEmpty()) {
            throw Problem.invalid("audio", "Empty audio file");
        }
    }

    /**
     * Refuses a transcript with no words. Words the engine doubts are not refused: the person sees them and
     * confirms or corrects them ({@link TranscriptCheck}).
     */
    static void requireHeard(Transcript t) {
        if (t.isBlank()) {
            throw new Problem(Problem.Kind.UNPROCESSABLE, "I could not make out any words; please try again");
        }
    }

    /** Whether a draft has what the tracker needs to file it: a project, a type and a real summary. */
    static boolean fileable(TicketDraft d) {
        return d.projectKey() != null && d.issueType() != null && d.summary().length() >= TicketDraft.SUMMARY_MIN;
    }

    /** As {@link #fileable}, but says which field is missing. */
    /**
     * The draft's parent, if any, is shaped like a ticket key. Checked again right before filing because a draft
     * stored by an earlier version (or edited elsewhere) may hold anything; the tracker would refuse it less kindly.
     */
    static void requireParentKey(TicketDraft d) {
        if (d.parentKey() != null && !TicketKey.valid(d.parentKey())) {
            throw Problem.invalid("parent", "parent must be a ticket key such as BOOK-12; change or clear it");
        }
    }

    static void requireFileable(TicketDraft d) {
        if (d.projectKey() == null) {
            throw Problem.invalid("project", "choose a project before approving");
        }
        if (d.issueType() == null) {
            throw Problem.invalid("issue_type", "choose an issue type before approving");
        }
        if (d.summary().length() < TicketDraft.SUMMARY_MIN) {
            throw Problem.invalid("summary", "summary must be 3 to 255 characters");
        }
    }
}

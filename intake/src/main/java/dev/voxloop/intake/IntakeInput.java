package dev.voxloop.intake;

import dev.voxloop.core.audio.AudioUpload;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.transcript.Transcript;

/**
 * What the intake accepts from a person, checked before anything is stored: text within bounds, audio that is
 * not empty, a transcript that heard something, and a draft complete enough to file.
 */
final class IntakeInput {

    static final int MAX_TEXT_CHARS = 10_000;
    /** Below this engine confidence the person is asked to repeat rather than filing nonsense. */
    static final double MIN_TRANSCRIPT_CONFIDENCE = 0.30;

    private IntakeInput() {
    }

    /** {@code text} stripped; refused when empty or longer than {@link #MAX_TEXT_CHARS}. */
    static String requireText(String text, String field) {
        if (text == null || text.isBlank()) {
            throw Problem.invalid(field, field + " must not be empty");
        }
        if (text.length() > MAX_TEXT_CHARS) {
            throw new Problem(Problem.Kind.TOO_LARGE, field + " is too long (at most " + MAX_TEXT_CHARS
                    + " characters)", field);
        }
        return text.strip();
    }

    static void requireAudio(AudioUpload audio) {
        if (audio == null || audio.isEmpty()) {
            throw Problem.invalid("audio", "Empty audio file");
        }
    }

    /** Refuses a transcript with no words, or one the engine itself doubts, so nonsense is never filed. */
    static void requireHeard(Transcript t) {
        if (t.isBlank()) {
            throw new Problem(Problem.Kind.UNPROCESSABLE, "I could not make out any words; please try again");
        }
        if (t.confidence() != null && t.confidence() < MIN_TRANSCRIPT_CONFIDENCE) {
            throw new Problem(Problem.Kind.UNPROCESSABLE, "I am not sure I heard that right (\"" + t.text()
                    + "\"); please say it again");
        }
    }

    /** Whether a draft has what the tracker needs to file it: a project, a type and a real summary. */
    static boolean fileable(TicketDraft d) {
        return d.projectKey() != null && d.issueType() != null && d.summary().length() >= TicketDraft.SUMMARY_MIN;
    }

    /** As {@link #fileable}, but says which field is missing. */
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

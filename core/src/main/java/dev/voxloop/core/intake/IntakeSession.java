package dev.voxloop.core.intake;

import dev.voxloop.core.intent.Clarification;
import dev.voxloop.core.intent.Extraction;
import dev.voxloop.core.intent.TicketDraft;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One spoken or typed request on its way to a ticket. Persisted at every step; {@code version} guards
 * concurrent writers (optimistic locking), {@code id} is the idempotency key of ticket creation.
 *
 * @param heard      what the speech engine heard and whether the person checked it (spoken requests), else null
 * @param questions  questions asked so far, in order (their count is the clarification round)
 * @param answers    the person's answers, in order
 * @param extraction latest extraction (draft, confidence, flags), null before extraction
 * @param pending    the question waiting for an answer, when CLARIFYING
 * @param gaps       readiness gaps still open when the draft went to preview
 * @param failure    what went wrong, in words a person can act on (FAILED) or why it ended
 * @param expiresAt  when an unanswered question or preview expires, null when not waiting
 */
public record IntakeSession(String id, IntakeState state, boolean spoken, String text, HeardTranscript heard,
                            List<String> questions,
                            List<String> answers, Extraction extraction, Clarification pending, List<String> gaps,
                            String ticketKey, String ticketUrl, String failure, Instant createdAt,
                            Instant updatedAt, Instant expiresAt, long version) {

    public IntakeSession {
        questions = questions == null ? List.of() : List.copyOf(questions);
        answers = answers == null ? List.of() : List.copyOf(answers);
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
    }

    public static IntakeSession received(String id, boolean spoken, String text, Instant now) {
        return new IntakeSession(id, IntakeState.RECEIVED, spoken, text, null, List.of(), List.of(), null, null, List.of(),
                null, null, null, now, now, null, 0);
    }

    public int round() {
        return questions.size();
    }

    public TicketDraft draft() {
        return extraction == null ? null : extraction.draft();
    }

    /** The wire API's "transcribed_text": the request and every answer joined with " | ". */
    public String conversation() {
        List<String> parts = new ArrayList<>();
        if (text != null) {
            parts.add(text);
        }
        parts.addAll(answers);
        return String.join(" | ", parts);
    }

    public IntakeSession moveTo(IntakeState next, Instant now) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("intake " + id + " cannot move from " + state + " to " + next);
        }
        return new IntakeSession(id, next, spoken, text, heard, questions, answers, extraction, pending, gaps, ticketKey,
                ticketUrl, failure, createdAt, now, next.awaitingPerson() ? expiresAt : null, version);
    }

    public IntakeSession withText(String v) {
        return new IntakeSession(id, state, spoken, v, heard, questions, answers, extraction, pending, gaps, ticketKey,
                ticketUrl, failure, createdAt, updatedAt, expiresAt, version);
    }

    public IntakeSession withHeard(HeardTranscript v) {
        return new IntakeSession(id, state, spoken, text, v, questions, answers, extraction, pending, gaps, ticketKey,
                ticketUrl, failure, createdAt, updatedAt, expiresAt, version);
    }

    /** Waiting for the person to confirm or correct the heard words until {@code expires}. */
    public IntakeSession awaitingConfirmation(Instant expires) {
        return new IntakeSession(id, state, spoken, text, heard, questions, answers, extraction, null, gaps, ticketKey,
                ticketUrl, failure, createdAt, updatedAt, expires, version);
    }

    public IntakeSession withExtraction(Extraction v) {
        return new IntakeSession(id, state, spoken, text, heard, questions, answers, v, pending, gaps, ticketKey, ticketUrl,
                failure, createdAt, updatedAt, expiresAt, version);
    }

    public IntakeSession asking(Clarification q, Instant expires) {
        List<String> qs = new ArrayList<>(questions);
        qs.add(q.question());
        return new IntakeSession(id, state, spoken, text, heard, qs, answers, extraction, q, gaps, ticketKey, ticketUrl,
                failure, createdAt, updatedAt, expires, version);
    }

    public IntakeSession answered(String answer) {
        List<String> as = new ArrayList<>(answers);
        as.add(answer);
        return new IntakeSession(id, state, spoken, text, heard, questions, as, extraction, null, gaps, ticketKey, ticketUrl,
                failure, createdAt, updatedAt, expiresAt, version);
    }

    public IntakeSession previewing(List<String> openGaps, Instant expires) {
        return new IntakeSession(id, state, spoken, text, heard, questions, answers, extraction, null, openGaps, ticketKey,
                ticketUrl, failure, createdAt, updatedAt, expires, version);
    }

    public IntakeSession filed(String key, String url) {
        return new IntakeSession(id, state, spoken, text, heard, questions, answers, extraction, pending, gaps, key, url,
                failure, createdAt, updatedAt, expiresAt, version);
    }

    public IntakeSession failed(String reason) {
        return new IntakeSession(id, state, spoken, text, heard, questions, answers, extraction, pending, gaps, ticketKey,
                ticketUrl, reason, createdAt, updatedAt, expiresAt, version);
    }

    public IntakeSession withVersion(long v) {
        return new IntakeSession(id, state, spoken, text, heard, questions, answers, extraction, pending, gaps, ticketKey,
                ticketUrl, failure, createdAt, updatedAt, expiresAt, v);
    }
}

package dev.voxloop.server.json;

import dev.voxloop.core.intake.HeardTranscript;
import dev.voxloop.core.intake.IntakeOutcome;
import dev.voxloop.core.intake.IntakeSession;
import dev.voxloop.core.intent.Clarification;
import dev.voxloop.core.intent.Extraction;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.queue.QueueEntry;
import dev.voxloop.core.ticket.Comment;
import dev.voxloop.core.ticket.LikelyDuplicate;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.core.transcript.Transcript;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire shapes, in one place: the SEJFA voice API's field names first (docs/api.md; the voice app and console
 * read them), our additions after. HTTP responses and WebSocket messages share these so a field never means two things.
 */
public final class WireShapes {

    private WireShapes() {
    }

    /** An ordered JSON object that allows null values: {@code obj("a", 1, "b", null)}. */
    public static Map<String, Object> obj(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    // ---- intake ---------------------------------------------------------------------------------------------

    public static Map<String, Object> outcome(IntakeOutcome outcome) {
        return switch (outcome) {
            case IntakeOutcome.NeedsConfirmation c -> transcriptCheck(c.session());
            case IntakeOutcome.NeedsClarification c -> clarification(c.session(), c.clarification());
            case IntakeOutcome.NeedsApproval a -> preview(a.session());
            case IntakeOutcome.Filed f -> ticketResult(f.session(), f.queued(), f.notes());
            case IntakeOutcome.Discarded d -> obj("status", "discarded", "session_id", d.session().id());
        };
    }

    /**
     * {status:"transcript_confirmation_needed", session_id, transcribed_text, transcript:{...}, confirm_below,
     * expires_at}: the speech engine is unsure of the words; confirm or correct them at /api/pipeline/confirm.
     */
    public static Map<String, Object> transcriptCheck(IntakeSession s) {
        HeardTranscript h = s.heard();
        Map<String, Object> m = obj("status", "transcript_confirmation_needed");
        m.putAll(transcriptCheck(s.id(), h.text(), h.confidence(), h.engine(), s.expiresAt()));
        return m;
    }

    public static Map<String, Object> transcriptCheck(String sessionId, String text, Double confidence, String engine,
                                                      java.time.Instant expiresAt) {
        return obj("session_id", sessionId, "transcribed_text", text, "transcript", obj("text", text, "confidence",
                confidence, "engine", engine, "confirmation", "pending"), "expires_at", expiresAt);
    }

    /** A spoken session's heard words: {text, confidence, engine, confirmation}; null for typed requests. */
    public static Map<String, Object> heard(HeardTranscript h) {
        return h == null ? null : obj("text", h.text(), "confidence", h.confidence(), "engine", h.engine(),
                "confirmation", h.confirmation().name().toLowerCase(java.util.Locale.ROOT));
    }

    /** {status:"clarification_needed", session_id, questions, ambiguity_score, partial_summary, round, ...}. */
    public static Map<String, Object> clarification(IntakeSession s, Clarification q) {
        Extraction ex = s.extraction();
        Map<String, Object> m = obj("status", "clarification_needed");
        m.putAll(clarification(s.id(), q, ex == null ? 0 : ex.ambiguityScore(),
                ex == null ? "" : ex.draft().summary()));
        m.put("expires_at", s.expiresAt());
        return m;
    }

    public static Map<String, Object> clarification(String sessionId, Clarification q, double ambiguityScore,
                                                    String partialSummary) {
        return obj("session_id", sessionId, "questions", List.of(q.question()), "ambiguity_score", score(ambiguityScore),
                "partial_summary", partialSummary, "round", q.round(), "question", q.question(), "choices",
                q.choices(), "field", q.field());
    }

    /** {status:"preview_needed", session_id, transcribed_text, summary, intent:{...}, confidence, flags, gaps}. */
    public static Map<String, Object> preview(IntakeSession s) {
        Extraction ex = s.extraction();
        Map<String, Object> m = obj("status", "preview_needed");
        m.putAll(preview(s.id(), s.conversation(), ex.draft(), ex.ambiguityScore(), ex.confidence(), ex.flags(),
                s.gaps()));
        m.put("expires_at", s.expiresAt());
        m.put("likely_duplicates", duplicates(ex.duplicates()));
        if (s.failure() != null) {
            m.put("last_error", s.failure());
        }
        return m;
    }

    /** [{key, summary, similarity}]: open tickets the draft seems to repeat, most alike first. */
    public static List<Map<String, Object>> duplicates(List<LikelyDuplicate> found) {
        return found.stream().map(d -> obj("key", d.key(), "summary", d.summary(), "similarity",
                score(d.similarity()))).toList();
    }

    public static Map<String, Object> preview(String sessionId, String transcribedText, TicketDraft draft,
                                              double ambiguityScore, Map<String, Double> confidence,
                                              List<String> flags, List<String> gaps) {
        return obj("session_id", sessionId, "transcribed_text", transcribedText, "summary", draft.summary(),
                "intent", intent(draft, ambiguityScore), "confidence", scores(confidence), "flags", flags, "gaps", gaps);
    }

    /** The draft in the SEJFA intent shape; an unknown type or priority stays null ({@code missing} says so). */
    public static Map<String, Object> intent(TicketDraft d, double ambiguityScore) {
        return obj("summary", d.summary(), "description", d.description(), "acceptance_criteria",
                d.acceptanceCriteriaText(), "issue_type", d.issueType() == null ? null : d.issueType().label(),
                "priority", d.priority() == null ? null : d.priority().label(), "labels", d.labels(),
                "ambiguity_score", score(ambiguityScore), "project", d.projectKey(), "acceptance_criteria_items",
                d.acceptanceCriteria(), "parent", d.parentKey());
    }

    /** {ticket_key, ticket_url, summary, transcribed_text, session_id}. */
    public static Map<String, Object> ticketResult(IntakeSession s, boolean queued) {
        return ticketResult(s, queued, List.of());
    }

    /** ... plus {@code notes}: what the tracker did differently from the approved draft (e.g. a field added later). */
    public static Map<String, Object> ticketResult(IntakeSession s, boolean queued, List<String> notes) {
        TicketDraft d = s.draft();
        return obj("ticket_key", s.ticketKey(), "ticket_url", s.ticketUrl(), "summary", d == null ? "" : d.summary(),
                "transcribed_text", s.conversation(), "session_id", s.id(), "queued", queued, "notes", notes);
    }

    /**
     * SEJFA's JiraTicketIntent (8 fields; type and priority default to Story and Medium, the defaults its clients
     * expect, and {@code missing} says when that happened), plus ours.
     */
    public static Map<String, Object> extraction(Extraction ex) {
        TicketDraft d = ex.draft();
        return obj("summary", d.summary(), "description", d.description(), "acceptance_criteria",
                d.acceptanceCriteriaText(), "issue_type", (d.issueType() == null ? IssueType.STORY : d.issueType())
                        .label(), "priority", (d.priority() == null ? Priority.MEDIUM : d.priority()).label(),
                "ambiguity_score", score(ex.ambiguityScore()), "clarification_questions", ex.questions(), "labels",
                d.labels(), "acceptance_criteria_items", d.acceptanceCriteria(), "project", d.projectKey(),
                "confidence", scores(ex.confidence()), "flags", ex.flags(), "missing", ex.missing(), "ambiguities",
                ex.ambiguities(), "extractor", ex.extractor());
    }

    /** Our GET /api/pipeline/sessions/{id}: where a session stands now. */
    public static Map<String, Object> session(IntakeSession s) {
        Extraction ex = s.extraction();
        Clarification q = s.pending();
        return obj("session_id", s.id(), "state", s.state(), "spoken", s.spoken(), "text", s.text(),
                "transcript", heard(s.heard()), "transcribed_text", s.conversation(), "round", s.round(), "questions", s.questions(), "answers",
                s.answers(), "question", q == null ? null : obj("field", q.field(), "question", q.question(),
                        "choices", q.choices(), "round", q.round()),
                "intent", ex == null ? null : intent(ex.draft(), ex.ambiguityScore()),
                "confidence", ex == null ? Map.of() : scores(ex.confidence()), "flags", ex == null ? List.of() : ex.flags(),
                "gaps", s.gaps(), "likely_duplicates", ex == null ? List.of() : duplicates(ex.duplicates()),
                "ticket_key", s.ticketKey(), "ticket_url", s.ticketUrl(), "failure", s.failure(),
                "created_at", s.createdAt(), "updated_at", s.updatedAt(), "expires_at", s.expiresAt());
    }

    /** /api/transcribe: {text, language, duration, confidence} plus engine and timing. */
    public static Map<String, Object> transcript(Transcript t) {
        return obj("text", t.text(), "language", t.language(), "duration", round(t.audioSeconds(), 2), "confidence",
                t.confidence() == null ? null : score(t.confidence()), "engine", t.engine(), "decode_seconds",
                round(t.decodeSeconds(), 2));
    }

    /** A score or confidence for people: two decimals (0.9 rather than 0.8999999999999999). */
    public static double score(double v) {
        return round(v, 2);
    }

    static Map<String, Double> scores(Map<String, Double> m) {
        Map<String, Double> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v == null ? null : score(v)));
        return out;
    }

    /** {@code v} to {@code places} decimals, half up; NaN and infinities unchanged. */
    public static double round(double v, int places) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        return java.math.BigDecimal.valueOf(v).setScale(places, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    // ---- tickets --------------------------------------------------------------------------------------------

    public static Map<String, Object> ticketSummary(Ticket t) {
        return obj("key", t.key(), "summary", t.summary(), "status", t.status(), "issue_type",
                t.issueType() == null ? null : t.issueType().label(), "priority",
                t.priority() == null ? null : t.priority().label(), "assignee", null, "labels", t.labels(),
                "project", t.projectKey(), "url", t.url(), "created_at", t.createdAt(), "updated_at",
                t.updatedAt());
    }

    public static Map<String, Object> ticket(Ticket t) {
        Map<String, Object> m = ticketSummary(t);
        m.put("description", t.description());
        m.put("acceptance_criteria", String.join("\n", t.acceptanceCriteria()));
        m.put("acceptance_criteria_items", t.acceptanceCriteria());
        m.put("parent", t.parentKey());
        m.put("session_id", t.intakeId());
        m.put("comments", t.comments().stream().map(WireShapes::comment).toList());
        return m;
    }

    private static Map<String, Object> comment(Comment c) {
        return obj("author", c.author(), "body", c.body(), "created_at", c.createdAt());
    }

    // ---- queue ----------------------------------------------------------------------------------------------

    /** {key, summary} as SEJFA's queue clients read it, plus status, attempts and times. */
    public static Map<String, Object> queueEntry(QueueEntry e) {
        return obj("key", e.key(), "summary", e.summary(), "status", e.status(), "attempts", e.attempts(),
                "queued_at", e.queuedAt(), "started_at", e.startedAt(), "finished_at", e.finishedAt(),
                "last_error", e.lastError());
    }

    /** {key, summary, retry_count} as the SEJFA console's failed list reads it, plus last_error. */
    public static Map<String, Object> failedEntry(QueueEntry e) {
        return obj("key", e.key(), "summary", e.summary(), "retry_count", e.attempts(), "last_error", e.lastError(),
                "status", e.status(), "queued_at", e.queuedAt(), "finished_at", e.finishedAt());
    }
}

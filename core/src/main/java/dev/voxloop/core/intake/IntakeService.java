package dev.voxloop.core.intake;

import dev.voxloop.core.audio.AudioUpload;
import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.event.Stage;
import dev.voxloop.core.intent.Clarification;
import dev.voxloop.core.intent.ClarificationPolicy;
import dev.voxloop.core.intent.Extraction;
import dev.voxloop.core.intent.IntentExtractor;
import dev.voxloop.core.intent.IntentRequest;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.core.transcript.SpeechToText;
import dev.voxloop.core.transcript.Transcript;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intake state machine: a spoken or typed request to a filed ticket. Every step is persisted before the
 * caller hears of it; the session id is the idempotency key for ticket creation.
 */
public final class IntakeService {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);

    public static final int MAX_TEXT_CHARS = 10_000;
    /** Below this engine confidence the person is asked to repeat rather than filing nonsense. */
    public static final double MIN_TRANSCRIPT_CONFIDENCE = 0.30;

    private final IntakeRepository sessions;
    private final SpeechToText speech;
    private final IntentExtractor extractor;
    private final TicketTracker tracker;
    private final LoopQueue queue;
    private final EventBus events;
    private final IntakeSettings settings;
    private final ClarificationPolicy policy;
    private final Clock clock;
    private final Supplier<String> ids;
    private final SessionLocks locks = new SessionLocks(256);

    /** @param speech may be null when no speech engine is installed: audio is then refused with a 503 */
    public IntakeService(IntakeRepository sessions, SpeechToText speech, IntentExtractor extractor,
                         TicketTracker tracker, LoopQueue queue, EventBus events, IntakeSettings settings,
                         Clock clock, Supplier<String> ids) {
        this.sessions = sessions;
        this.speech = speech;
        this.extractor = extractor;
        this.tracker = tracker;
        this.queue = queue;
        this.events = events;
        this.settings = settings;
        this.policy = new ClarificationPolicy(settings.maxRounds());
        this.clock = clock;
        this.ids = ids;
    }

    public IntakeSettings settings() {
        return settings;
    }

    public Optional<IntakeSession> find(String id) {
        return sessions.find(id);
    }

    // ---- entry points ---------------------------------------------------------------------------------------

    public IntakeOutcome submitText(String text, boolean spoken) {
        String clean = requireText(text, "text");
        IntakeSession s = sessions.insert(IntakeSession.received(ids.get(), spoken, clean, now()));
        return locks.with(s.id(), () -> extract(s));
    }

    public IntakeOutcome submitAudio(AudioUpload audio) {
        requireAudio(audio);
        SpeechToText engine = requireSpeech();
        IntakeSession s = sessions.insert(IntakeSession.received(ids.get(), true, null, now()));
        return locks.with(s.id(), () -> {
            stage(s.id(), Stage.RECORDING, "Audio received: " + audio.displayName());
            IntakeSession cur = save(s.moveTo(IntakeState.TRANSCRIBING, now()));
            stage(s.id(), Stage.TRANSCRIBING, "Transcribing with " + engine.name() + "…");
            Transcript t;
            try {
                t = engine.transcribe(audio);
                checkHeard(t);
            } catch (Problem p) {
                fail(cur, p.getMessage());
                throw p;
            } catch (RuntimeException e) {
                LOG.warn("transcription failed for intake {}", s.id(), e);
                fail(cur, "Transcription failed: " + e.getMessage());
                throw new Problem(Problem.Kind.UNPROCESSABLE, "Transcription failed; please try again", null, e);
            }
            events.publish(new PipelineEvent.Transcribed(now(), s.id(), t.engine(), t.audioSeconds(),
                    t.decodeSeconds(), t.text()));
            cur = save(cur.withText(t.text()));
            return extract(cur, t.confidence());
        });
    }

    /** Transcribe without starting an intake (the original's /api/transcribe). */
    public Transcript transcribe(AudioUpload audio) {
        requireAudio(audio);
        return requireSpeech().transcribe(audio);
    }

    /**
     * Extract a draft without starting an intake (the original's /api/extract): same extractor, same project
     * resolution, nothing persisted.
     */
    public Extraction understand(String text) {
        String clean = requireText(text, "text");
        List<Project> projects = tracker.projects();
        try {
            return resolveProject(extractor.extract(new IntentRequest(clean, List.of(), List.of(), null, projects,
                    settings.defaultProject())), projects);
        } catch (Problem p) {
            throw p;
        } catch (RuntimeException e) {
            LOG.warn("extraction failed", e);
            throw new Problem(Problem.Kind.UNPROCESSABLE, "Could not understand the request", null, e);
        }
    }

    public IntakeOutcome clarify(String id, String answer) {
        String clean = requireText(answer, "text");
        return locks.with(id, () -> {
            IntakeSession s = load(id);
            if (s.state() != IntakeState.CLARIFYING) {
                throw Problem.conflict("session " + id + " is not waiting for an answer (it is "
                        + s.state().name().toLowerCase(Locale.ROOT) + ")");
            }
            return extract(save(s.answered(clean)));
        });
    }

    public IntakeOutcome approve(String id, DraftEdits edits) {
        return locks.with(id, () -> {
            IntakeSession s = load(id);
            return switch (s.state()) {
                case CREATED -> new IntakeOutcome.Filed(s, false);
                case CREATING -> file(s);
                case PREVIEWING -> {
                    TicketDraft edited = (edits == null ? DraftEdits.none() : edits)
                            .applyTo(s.draft(), tracker.projects());
                    IntakeSession updated = s.withExtraction(replaceDraft(s.extraction(), edited));
                    requireFileable(edited);
                    yield file(save(updated.moveTo(IntakeState.CREATING, now())));
                }
                default -> throw Problem.conflict("session " + id + " has no draft to approve (it is "
                        + s.state().name().toLowerCase(Locale.ROOT) + ")");
            };
        });
    }

    public IntakeOutcome discard(String id) {
        return locks.with(id, () -> {
            IntakeSession s = load(id);
            if (s.state() == IntakeState.DISCARDED) {
                return new IntakeOutcome.Discarded(s);
            }
            if (!s.state().canMoveTo(IntakeState.DISCARDED)) {
                throw Problem.conflict("session " + id + " cannot be discarded (it is "
                        + s.state().name().toLowerCase(Locale.ROOT) + ")");
            }
            IntakeSession d = save(s.moveTo(IntakeState.DISCARDED, now()));
            stage(id, Stage.DONE, "Pipeline discarded by user.");
            events.publish(new PipelineEvent.IntakeEnded(now(), id, IntakeState.DISCARDED, "discarded by user"));
            return new IntakeOutcome.Discarded(d);
        });
    }

    // ---- housekeeping ---------------------------------------------------------------------------------------

    /** Expire questions and previews nobody answered in time. Returns how many. */
    public int expireDue() {
        int n = 0;
        for (IntakeSession candidate : sessions.expiredBefore(now(), 500)) {
            n += locks.with(candidate.id(), () -> {
                IntakeSession s = sessions.find(candidate.id()).orElse(null);
                if (s == null || !isOverdue(s)) {
                    return 0;
                }
                expire(s);
                return 1;
            });
        }
        return n;
    }

    /**
     * After a restart: finish creations that were under way (idempotent, so never a duplicate), re-run
     * extractions from the stored text, and fail audio intakes whose audio was not yet transcribed.
     */
    public int resumeInterrupted() {
        int n = 0;
        for (IntakeSession candidate : sessions.interrupted(500)) {
            try {
                locks.with(candidate.id(), () -> {
                    IntakeSession s = load(candidate.id());
                    switch (s.state()) {
                        case CREATING -> file(s);
                        case EXTRACTING -> extract(s);
                        case RECEIVED -> {
                            if (s.text() != null) {
                                extract(s);
                            } else {
                                fail(s, "The server restarted before your audio was transcribed; please say it again");
                            }
                        }
                        case TRANSCRIBING -> fail(s,
                                "The server restarted before your audio was transcribed; please say it again");
                        default -> {
                        }
                    }
                    return null;
                });
                n++;
            } catch (RuntimeException e) {
                LOG.warn("could not resume intake {}: {}", candidate.id(), e.getMessage());
            }
        }
        return n;
    }

    // ---- the steps ------------------------------------------------------------------------------------------

    private IntakeOutcome extract(IntakeSession start) {
        return extract(start, null);
    }

    /** @param heard the speech engine's confidence in the transcript, or null (typed text, engine gives none) */
    private IntakeOutcome extract(IntakeSession start, Double heard) {
        IntakeSession s = start.state() == IntakeState.EXTRACTING ? start
                : save(start.moveTo(IntakeState.EXTRACTING, now()));
        stage(s.id(), Stage.EXTRACTING, s.round() == 0 ? "Extracting intent with " + extractor.name() + "…"
                : "Re-extracting intent (round " + (s.round() + 1) + ")…");
        List<Project> projects = tracker.projects();
        Extraction ex;
        try {
            ex = resolveProject(extractor.extract(new IntentRequest(s.text(), s.answers(), s.questions(), s.draft(),
                    projects, settings.defaultProject())), projects);
            ex = HeardConfidence.cap(ex, heard);
        } catch (Problem p) {
            fail(s, p.getMessage());
            throw p;
        } catch (RuntimeException e) {
            LOG.warn("extraction failed for intake {}", s.id(), e);
            fail(s, "Could not understand the request: " + e.getMessage());
            throw new Problem(Problem.Kind.UNPROCESSABLE, "Could not understand the request", null, e);
        }
        s = s.withExtraction(ex);
        ClarificationPolicy.Verdict verdict = policy.assess(ex, projects, s.round());
        if (verdict.shouldAsk()) {
            Clarification q = verdict.question();
            s = save(s.moveTo(IntakeState.CLARIFYING, now()).asking(q, now().plus(settings.clarifyTimeout())));
            stage(s.id(), Stage.CLARIFYING, "Needs clarification (round " + q.round() + "): " + q.question());
            events.publish(new PipelineEvent.ClarificationNeeded(now(), s.id(), q, List.of(q.question()),
                    ex.ambiguityScore(), ex.draft().summary(), q.round()));
            return new IntakeOutcome.NeedsClarification(s, q);
        }
        if (settings.requireApproval() || HeardConfidence.unsure(heard) || !verdict.ready() && !fileable(ex.draft())) {
            s = save(s.moveTo(IntakeState.PREVIEWING, now())
                    .previewing(verdict.verdictGaps(), now().plus(settings.previewTimeout())));
            stage(s.id(), Stage.PREVIEWING, "Preview ready: " + ex.draft().summary());
            events.publish(new PipelineEvent.PreviewReady(now(), s.id(), s.conversation(), ex.draft(),
                    ex.confidence(), ex.flags(), s.gaps(), ex.ambiguityScore()));
            return new IntakeOutcome.NeedsApproval(s);
        }
        return file(save(s.moveTo(IntakeState.CREATING, now()).previewing(verdict.verdictGaps(), null)));
    }

    private IntakeOutcome file(IntakeSession s) {
        TicketDraft draft = s.draft();
        if (s.spoken()) {
            draft = draft.withLabel(TicketTracker.VOICE_INITIATED);
        }
        stage(s.id(), Stage.CREATING, "Creating ticket in " + draft.projectKey() + "…");
        Ticket ticket;
        try {
            ticket = tracker.create(draft, new Provenance(s.id(), s.spoken(), s.conversation(), s.createdAt()));
        } catch (Problem p) {
            // Back to the preview so the person can fix the field or retry; the intake id keeps retries single.
            IntakeSession back = settings.requireApproval()
                    ? save(s.moveTo(IntakeState.PREVIEWING, now()).failed(p.getMessage())
                    .previewing(s.gaps(), now().plus(settings.previewTimeout())))
                    : null;
            if (back == null) {
                fail(s, p.getMessage());
            } else {
                stage(s.id(), Stage.ERROR, p.getMessage());
            }
            throw p;
        }
        boolean queued = settings.autoDispatch() && queue.enqueue(ticket.key(), ticket.summary());
        IntakeSession done = save(s.moveTo(IntakeState.CREATED, now()).filed(ticket.key(), ticket.url()));
        events.publish(new PipelineEvent.TicketCreated(now(), s.id(), ticket.key(), ticket.url(), ticket.summary()));
        stage(s.id(), Stage.DONE, "Ticket created: " + ticket.key() + " — " + ticket.url());
        if (queued) {
            events.publish(new PipelineEvent.TicketQueued(now(), ticket.key(), ticket.summary()));
        }
        return new IntakeOutcome.Filed(done, queued);
    }

    // ---- pieces ---------------------------------------------------------------------------------------------

    private IntakeSession load(String id) {
        if (id == null || id.isBlank()) {
            throw Problem.invalid("session_id", "session_id is required");
        }
        IntakeSession s = sessions.find(id).orElseThrow(() -> Problem.notFound("Session not found: " + id));
        if (isOverdue(s)) {
            expire(s);
            throw new Problem(Problem.Kind.GONE, "Session " + id + " expired; please make the request again");
        }
        if (s.state() == IntakeState.EXPIRED) {
            throw new Problem(Problem.Kind.GONE, "Session " + id + " expired; please make the request again");
        }
        return s;
    }

    private boolean isOverdue(IntakeSession s) {
        return s.state().awaitingPerson() && s.expiresAt() != null && s.expiresAt().isBefore(now());
    }

    private void expire(IntakeSession s) {
        save(s.moveTo(IntakeState.EXPIRED, now()).failed("no answer in time"));
        events.publish(new PipelineEvent.IntakeEnded(now(), s.id(), IntakeState.EXPIRED, "no answer in time"));
    }

    private void fail(IntakeSession s, String reason) {
        try {
            if (s.state().canMoveTo(IntakeState.FAILED)) {
                save(s.moveTo(IntakeState.FAILED, now()).failed(reason));
            }
        } finally {
            stage(s.id(), Stage.ERROR, reason);
            events.publish(new PipelineEvent.IntakeEnded(now(), s.id(), IntakeState.FAILED, reason));
        }
    }

    private IntakeSession save(IntakeSession s) {
        return sessions.update(s);
    }

    private void stage(String id, Stage stage, String message) {
        events.publish(new PipelineEvent.StageChanged(now(), id, stage, message));
    }

    private Instant now() {
        return clock.instant();
    }

    /** A model never invents a project: keys not in the tracker are dropped; the default fills a gap. */
    private Extraction resolveProject(Extraction ex, List<Project> projects) {
        TicketDraft d = ex.draft();
        String key = d.projectKey();
        String resolved = key == null ? null : projects.stream()
                .filter(p -> p.key().equalsIgnoreCase(key) || p.name().equalsIgnoreCase(key))
                .map(Project::key).findFirst().orElse(null);
        if (resolved == null && settings.defaultProject() != null
                && projects.stream().anyMatch(p -> p.key().equals(settings.defaultProject()))) {
            resolved = settings.defaultProject();
        }
        if (resolved == null && projects.size() == 1) {
            resolved = projects.getFirst().key();
        }
        return java.util.Objects.equals(resolved, key) ? ex : replaceDraft(ex, d.withProjectKey(resolved));
    }

    private static Extraction replaceDraft(Extraction ex, TicketDraft draft) {
        return new Extraction(draft, ex.missing(), ex.ambiguities(), ex.confidence(), ex.flags(), ex.questions(),
                ex.ambiguityScore(), ex.extractor());
    }

    private static boolean fileable(TicketDraft d) {
        return d.projectKey() != null && d.issueType() != null && d.summary().length() >= TicketDraft.SUMMARY_MIN;
    }

    private static void requireFileable(TicketDraft d) {
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

    private static String requireText(String text, String field) {
        if (text == null || text.isBlank()) {
            throw Problem.invalid(field, field + " must not be empty");
        }
        if (text.length() > MAX_TEXT_CHARS) {
            throw new Problem(Problem.Kind.TOO_LARGE, field + " is too long (at most " + MAX_TEXT_CHARS
                    + " characters)", field);
        }
        return text.strip();
    }

    private static void requireAudio(AudioUpload audio) {
        if (audio == null || audio.isEmpty()) {
            throw Problem.invalid("audio", "Empty audio file");
        }
    }

    private SpeechToText requireSpeech() {
        if (speech == null) {
            throw Problem.unavailable("No speech engine is installed yet; send text to /api/pipeline/run instead");
        }
        return speech;
    }

    private static void checkHeard(Transcript t) {
        if (t.isBlank()) {
            throw new Problem(Problem.Kind.UNPROCESSABLE, "I could not make out any words; please try again");
        }
        if (t.confidence() != null && t.confidence() < MIN_TRANSCRIPT_CONFIDENCE) {
            throw new Problem(Problem.Kind.UNPROCESSABLE, "I am not sure I heard that right (\"" + t.text()
                    + "\"); please say it again");
        }
    }
}

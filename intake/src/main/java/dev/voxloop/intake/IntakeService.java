package dev.voxloop.intake;

import dev.voxloop.core.audio.AudioUpload;
import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.intake.DraftEdits;
import dev.voxloop.core.intake.Intake;
import dev.voxloop.core.intake.IntakeOutcome;
import dev.voxloop.core.intake.IntakeRepository;
import dev.voxloop.core.intake.IntakeSession;
import dev.voxloop.core.intent.Extraction;
import dev.voxloop.core.intent.IntentExtractor;
import dev.voxloop.core.intent.IntentRequest;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.core.ticket.DuplicateFinder;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.core.transcript.SpeechToText;
import dev.voxloop.core.transcript.Transcript;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intake state machine: a spoken or typed request to a filed ticket.
 *
 * <pre>
 * RECEIVED → TRANSCRIBING → [CONFIRMING] → EXTRACTING → (CLARIFYING ⇄ EXTRACTING)* → PREVIEWING → CREATING
 * → CREATED;  exits: DISCARDED, FAILED, EXPIRED
 * </pre>
 *
 * This class is the entry points a client calls (the {@link Intake} port) and the housekeeping the server runs;
 * the transitions themselves are {@link IntakeSteps}, a recording's transcription {@link AudioHearing}, the
 * person's check of an unsure transcript {@link TranscriptCheck}, and the person's answers, approval and discard
 * {@link PersonReplies}. Requests for one session are serialised by a per-session
 * lock inside a process (different sessions run in parallel); across processes the repository's version check
 * is the guard. Every step is persisted before the caller hears of it, and the session id is the idempotency key
 * for ticket creation.
 */
public final class IntakeService implements Intake {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);

    private final IntakeRepository sessions;
    private final IntentExtractor extractor;
    private final TicketTracker tracker;
    private final IntakeSettings settings;
    private final Supplier<String> ids;
    private final SessionLocks locks = new SessionLocks();
    private final IntakeSteps steps;
    private final IntakeHousekeeping housekeeping;
    private final ProjectResolution projects;
    private final TranscriptCheck check;
    private final AudioHearing hearing;
    private final PersonReplies replies;

    /** Without a duplicate hint in the read-back. */
    public IntakeService(IntakeRepository sessions, SpeechToText speech, IntentExtractor extractor,
                         TicketTracker tracker, LoopQueue queue, EventBus events, IntakeSettings settings,
                         Clock clock, Supplier<String> ids) {
        this(sessions, speech, extractor, tracker, DuplicateFinder.NONE, queue, events, settings, clock, ids);
    }

    /**
     * @param speech     may be null when no speech engine is installed: audio is then refused as unavailable
     * @param duplicates names the open tickets a draft seems to repeat in its read-back
     */
    public IntakeService(IntakeRepository sessions, SpeechToText speech, IntentExtractor extractor,
                         TicketTracker tracker, DuplicateFinder duplicates, LoopQueue queue, EventBus events,
                         IntakeSettings settings, Clock clock, Supplier<String> ids) {
        this.sessions = sessions;
        this.extractor = extractor;
        this.tracker = tracker;
        this.settings = settings;
        this.ids = ids;
        this.steps = new IntakeSteps(sessions, extractor, tracker, queue, events, settings, duplicates, clock);
        this.housekeeping = new IntakeHousekeeping(sessions, steps, locks);
        this.projects = new ProjectResolution(settings.defaultProject());
        this.check = new TranscriptCheck(steps, events, settings);
        this.hearing = new AudioHearing(speech, steps, check, events);
        this.replies = new PersonReplies(steps, tracker, events);
    }

    public IntakeSettings settings() {
        return settings;
    }

    @Override
    public Optional<IntakeSession> find(String id) {
        return sessions.find(id);
    }

    // ---- entry points ---------------------------------------------------------------------------------------

    @Override
    public IntakeOutcome submitText(String text, boolean spoken) {
        return submitText(text, spoken, ids.get());
    }

    @Override
    public IntakeOutcome submitText(String text, boolean spoken, String id) {
        String clean = IntakeInput.requireText(text, "text");
        // the lock is taken before the session exists, so the restart housekeeping never sees it half-started
        return locks.with(id, () -> steps.extract(sessions.insert(IntakeSession.received(id, spoken, clean,
                steps.now()))));
    }

    @Override
    public IntakeOutcome submitAudio(AudioUpload audio) {
        return submitAudio(audio, ids.get());
    }

    @Override
    public IntakeOutcome submitAudio(AudioUpload audio, String id) {
        IntakeInput.requireAudio(audio);
        hearing.requireSpeech();
        return locks.with(id, () -> hearing.hear(sessions.insert(IntakeSession.received(id, true, null,
                steps.now())), audio));
    }

    @Override
    public Transcript transcribe(AudioUpload audio) {
        IntakeInput.requireAudio(audio);
        return hearing.transcribe(audio);
    }

    @Override
    public Extraction understand(String text) {
        String clean = IntakeInput.requireText(text, "text");
        List<Project> known = tracker.projects();
        try {
            return projects.resolve(extractor.extract(new IntentRequest(clean, List.of(), List.of(), null, known,
                    settings.defaultProject())), known);
        } catch (Problem p) {
            throw p;
        } catch (RuntimeException e) {
            LOG.warn("extraction failed", e);
            throw new Problem(Problem.Kind.UNPROCESSABLE, "Could not understand the request", null, e);
        }
    }

    @Override
    public IntakeOutcome confirm(String id, String correctedText) {
        return locks.with(id, () -> check.confirm(steps.load(id), correctedText));
    }

    @Override
    public IntakeOutcome proceedUnchecked(String id) {
        return locks.with(id, () -> check.proceedUnchecked(steps.load(id)));
    }

    @Override
    public IntakeOutcome clarify(String id, String answer) {
        return clarify(id, answer, null);
    }

    @Override
    public IntakeOutcome clarify(String id, String answer, int round) {
        return clarify(id, answer, Integer.valueOf(round));
    }

    private IntakeOutcome clarify(String id, String answer, Integer round) {
        String clean = IntakeInput.requireText(answer, "text");
        return locks.with(id, () -> replies.answer(steps.load(id), clean, round));
    }

    /** Approving twice, or after a crash mid-creation, files once: CREATED answers as filed, CREATING retries. */
    @Override
    public IntakeOutcome approve(String id, DraftEdits edits) {
        return locks.with(id, () -> replies.approve(steps.load(id), edits));
    }

    @Override
    public IntakeOutcome discard(String id) {
        return locks.with(id, () -> replies.discard(steps.load(id)));
    }

    // ---- housekeeping ---------------------------------------------------------------------------------------

    /** Expires questions and previews nobody answered in time. Returns how many. */
    public int expireDue() {
        return housekeeping.expireDue();
    }

    /** After a restart: finishes or fails what a crash interrupted (see {@link IntakeHousekeeping}). */
    public int resumeInterrupted() {
        return housekeeping.resumeInterrupted();
    }
}

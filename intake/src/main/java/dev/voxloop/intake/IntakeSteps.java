package dev.voxloop.intake;

import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.event.Stage;
import dev.voxloop.core.intake.IntakeOutcome;
import dev.voxloop.core.intake.IntakeRepository;
import dev.voxloop.core.intake.IntakeSession;
import dev.voxloop.core.intake.IntakeState;
import dev.voxloop.core.intent.Clarification;
import dev.voxloop.core.intent.Extraction;
import dev.voxloop.core.intent.IntentExtractor;
import dev.voxloop.core.intent.IntentRequest;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.problem.Redacted;
import dev.voxloop.core.queue.LoopQueue;
import dev.voxloop.core.ticket.DuplicateFinder;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.core.ticket.TicketTracker;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intake's transitions, shared by the entry points ({@link IntakeService}) and the housekeeping
 * ({@link IntakeHousekeeping}): extract and decide (ask, preview or file), file the ticket, expire, fail. Each
 * writes the session through the repository (optimistic version check) before it publishes an event or returns,
 * so what a client hears has always been stored first. Callers hold the session's lock.
 */
final class IntakeSteps {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeSteps.class);

    private final IntakeRepository sessions;
    private final IntentExtractor extractor;
    private final TicketTracker tracker;
    private final LoopQueue queue;
    private final EventBus events;
    private final IntakeSettings settings;
    private final ClarificationPolicy policy;
    private final ProjectResolution projects;
    private final OpenTickets open;
    private final Clock clock;

    IntakeSteps(IntakeRepository sessions, IntentExtractor extractor, TicketTracker tracker, LoopQueue queue,
                EventBus events, IntakeSettings settings, DuplicateFinder duplicates, Clock clock) {
        this.sessions = sessions;
        this.extractor = extractor;
        this.tracker = tracker;
        this.queue = queue;
        this.events = events;
        this.settings = settings;
        this.policy = new ClarificationPolicy(settings.maxRounds());
        this.projects = new ProjectResolution(settings.defaultProject());
        this.open = new OpenTickets(tracker, duplicates);
        this.clock = clock;
    }

    /**
     * EXTRACTING, then the readiness rule decides: CLARIFYING (one question), PREVIEWING (the read-back), or
     * straight to CREATING when approval is off and the draft can be filed. A spoken request's draft is capped at
     * the engine's stored confidence in words nobody checked, in every round and after a restart
     * ({@link HeardConfidence}).
     */
    IntakeOutcome extract(IntakeSession start) {
        IntakeSession s = start.state() == IntakeState.EXTRACTING ? start
                : save(start.moveTo(IntakeState.EXTRACTING, now()));
        stage(s.id(), Stage.EXTRACTING, s.round() == 0 ? "Extracting intent with " + extractor.name() + "…"
                : "Re-extracting intent (round " + (s.round() + 1) + ")…");
        List<Project> known = tracker.projects();
        Double heard = s.heard() == null ? null : s.heard().cap();
        Extraction ex;
        try {
            ex = projects.resolve(extractor.extract(new IntentRequest(s.text(), s.answers(), s.questions(),
                    s.draft(), known, settings.defaultProject(),
                    s.heard() == null ? List.of() : s.heard().readings())), known);
            ex = HeardConfidence.cap(ex, heard, settings.confirmBelow());
            ex = ClarifiedDescription.apply(ex, s.questions(), s.answers());
        } catch (Problem p) {
            fail(s, p.getMessage());
            throw p;
        } catch (RuntimeException e) {
            LOG.warn("extraction failed for intake {}", s.id(), e);
            fail(s, "Could not understand the request: " + e.getMessage());
            throw new Problem(Problem.Kind.UNPROCESSABLE, "Could not understand the request", null, e);
        }
        s = s.withExtraction(ex);
        ClarificationPolicy.Verdict verdict = policy.assess(ex, known, s.round());
        if (verdict.shouldAsk()) {
            Clarification q = verdict.question();
            s = save(s.moveTo(IntakeState.CLARIFYING, now()).asking(q, now().plus(settings.clarifyTimeout())));
            stage(s.id(), Stage.CLARIFYING, "Needs clarification (round " + q.round() + "): " + q.question());
            events.publish(new PipelineEvent.ClarificationNeeded(now(), s.id(), q, List.of(q.question()),
                    ex.ambiguityScore(), ex.draft().summary(), q.round()));
            return new IntakeOutcome.NeedsClarification(s, q);
        }
        if (settings.requireApproval() || HeardConfidence.unsure(heard, settings.confirmBelow())
                || !verdict.ready() && !IntakeInput.fileable(ex.draft())) {
            s = s.withExtraction(ex.withDuplicates(open.likelyDuplicates(s.id(), ex.draft())));
            s = save(s.moveTo(IntakeState.PREVIEWING, now())
                    .previewing(verdict.verdictGaps(), now().plus(settings.previewTimeout())));
            stage(s.id(), Stage.PREVIEWING, "Preview ready: " + ex.draft().summary());
            events.publish(new PipelineEvent.PreviewReady(now(), s.id(), s.conversation(), ex.draft(),
                    ex.confidence(), ex.flags(), s.gaps(), ex.ambiguityScore()));
            return new IntakeOutcome.NeedsApproval(s);
        }
        return file(save(s.moveTo(IntakeState.CREATING, now()).previewing(verdict.verdictGaps(), null)));
    }

    /**
     * CREATING → CREATED: files the ticket with the session id as idempotency key (a retry after a crash gets the
     * ticket made the first time), then queues it for the loop when auto-dispatch is on.
     */
    IntakeOutcome file(IntakeSession s) {
        TicketDraft draft = s.draft();
        if (s.spoken()) {
            draft = draft.withLabel(TicketTracker.VOICE_INITIATED);
        }
        stage(s.id(), Stage.CREATING, "Creating ticket in " + draft.projectKey() + "…");
        Ticket ticket;
        try {
            IntakeInput.requireParentKey(draft);
            ticket = tracker.create(draft, new Provenance(s.id(), s.spoken(), s.conversation(), s.createdAt()));
        } catch (RuntimeException e) {
            throw notFiled(s, e);
        }
        boolean queued = settings.autoDispatch() && queue.enqueue(ticket.key(), ticket.summary());
        IntakeSession done = save(s.moveTo(IntakeState.CREATED, now()).filed(ticket.key(), ticket.url()));
        events.publish(new PipelineEvent.TicketCreated(now(), s.id(), ticket.key(), ticket.url(), ticket.summary()));
        stage(s.id(), Stage.DONE, "Ticket created: " + ticket.key() + " — " + ticket.url());
        if (queued) {
            events.publish(new PipelineEvent.TicketQueued(now(), ticket.key(), ticket.summary()));
        }
        return new IntakeOutcome.Filed(done, queued, ticket.notes());
    }

    /**
     * Filing failed: the session never stays in CREATING. With approval on it goes back to the preview (the person
     * fixes a field or approves again; the intake id keeps a retry single), otherwise it fails. An unexpected
     * failure is logged without its message (it may quote the ticket text) and said as the tracker's failure.
     */
    private Problem notFiled(IntakeSession s, RuntimeException e) {
        Problem p = e instanceof Problem known ? known : new Problem(Problem.Kind.UPSTREAM,
                "The tracker could not file the ticket; the draft is kept, please try again", null, Redacted.of(e));
        if (!(e instanceof Problem)) {
            LOG.warn("filing intake {} failed", s.id(), Redacted.of(e));
        }
        if (settings.requireApproval()) {
            save(s.moveTo(IntakeState.PREVIEWING, now()).failed(p.getMessage())
                    .previewing(s.gaps(), now().plus(settings.previewTimeout())));
            stage(s.id(), Stage.ERROR, p.getMessage());
        } else {
            fail(s, p.getMessage());
        }
        return p;
    }

    /** The session a person refers to; GONE when it expired (expiring it on the spot if it was overdue). */
    IntakeSession load(String id) {
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

    /** Waiting for the person (a question or a preview) past its deadline. */
    boolean isOverdue(IntakeSession s) {
        return s.state().awaitingPerson() && s.expiresAt() != null && s.expiresAt().isBefore(now());
    }

    void expire(IntakeSession s) {
        save(s.moveTo(IntakeState.EXPIRED, now()).failed("no answer in time"));
        events.publish(new PipelineEvent.IntakeEnded(now(), s.id(), IntakeState.EXPIRED, "no answer in time"));
    }

    /** FAILED with a reason a person can act on; the events go out even when the save itself fails. */
    void fail(IntakeSession s, String reason) {
        try {
            if (s.state().canMoveTo(IntakeState.FAILED)) {
                save(s.moveTo(IntakeState.FAILED, now()).failed(reason));
            }
        } finally {
            stage(s.id(), Stage.ERROR, reason);
            events.publish(new PipelineEvent.IntakeEnded(now(), s.id(), IntakeState.FAILED, reason));
        }
    }

    IntakeSession save(IntakeSession s) {
        return sessions.update(s);
    }

    void stage(String id, Stage stage, String message) {
        events.publish(new PipelineEvent.StageChanged(now(), id, stage, message));
    }

    Instant now() {
        return clock.instant();
    }
}

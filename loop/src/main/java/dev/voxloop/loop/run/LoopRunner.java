package dev.voxloop.loop.run;

import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.guard.RunMarkers;
import dev.voxloop.core.loop.FailureKind;
import dev.voxloop.core.loop.LoopFailure;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopRunRepository;
import dev.voxloop.core.loop.TicketRef;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.agent.AgentFactory;
import dev.voxloop.loop.gate.GateSuite;
import dev.voxloop.loop.workspace.WorkspacePreparer;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop's dispatcher: takes one ticket's run from state to state until it leaves the loop. Each state's work is
 * a {@link Step} looked up in the {@link Steps} table; around every step, and only here:
 * <ul>
 *   <li>budgets are checked, before a step that spends them (an agent turn);</li>
 *   <li>a failure is caught, by type: every {@link LoopFailure} (anything else is first turned into one) ends the
 *       run through the {@link RunStopper} in the state its kind maps to;</li>
 *   <li>the run is saved, in a {@code finally}, so a crash loses at most the step in progress;</li>
 *   <li>a state change is announced as a {@code loop_stage_changed} event, and leaving the loop as
 *       {@code run_finished}.</li>
 * </ul>
 */
public final class LoopRunner {

    private static final Logger LOG = LoggerFactory.getLogger(LoopRunner.class);

    private final LoopRunRepository runs;
    private final TicketTracker tracker;
    private final LoopSettings settings;
    private final RunSetup setup;
    private final Steps steps;
    private final RunStopper stopper;
    private final RunEvents events;
    private final Clock clock;
    private final Supplier<String> ids;

    /** A dispatcher over {@code parts.steps()}; {@code ids} names new runs. */
    public LoopRunner(LoopParts parts, Supplier<String> ids) {
        this.runs = parts.runs();
        this.tracker = parts.tracker();
        this.settings = parts.settings();
        this.setup = parts.setup();
        this.steps = parts.steps();
        this.stopper = parts.stopper();
        this.events = parts.events();
        this.clock = parts.clock();
        this.ids = ids;
    }

    /** A dispatcher over the loop's own steps, from claim to push (see {@link LoopParts#standard}). */
    public LoopRunner(LoopRunRepository runs, TicketTracker tracker, EventBus events, WorkspacePreparer preparer,
                      AgentFactory agents, GateSuite gates, RunMarkers markers, LoopSettings settings,
                      StuckDetector stuck, Clock clock, Supplier<String> ids) {
        this(LoopParts.standard(runs, tracker, events, preparer, agents, gates, markers, settings, stuck, clock),
                ids);
    }

    /**
     * Runs or resumes the loop for {@code ticketKey} until the run leaves the loop, or until {@code stillOwned}
     * says the worker lost its lease (the run is then left as persisted, for the next owner to resume).
     */
    public LoopRun run(String ticketKey, String owner, BooleanSupplier stillOwned) {
        Ticket ticket = tracker.find(ticketKey).orElseThrow(() -> Problem.notFound("ticket " + ticketKey
                + " does not exist in " + tracker.name()));
        LoopRun run = claim(ticket, owner);
        RunContext ctx = new RunContext(ticket, setup);
        while (!run.loopDone()) {
            if (!stillOwned.getAsBoolean()) {
                return run;
            }
            run = step(run, ctx);
        }
        return run;
    }

    private LoopRun claim(Ticket ticket, String owner) {
        LoopRun run = runs.findActive(ticket.key()).map(r -> r.claimedBy(owner)).orElse(null);
        if (run == null) {
            String agent = settings.project(ticket.projectKey()).agent().name();
            run = LoopRun.start(ids.get(), new TicketRef(ticket.key(), ticket.projectKey()), owner, agent,
                    clock.instant());
            events.stage(run, "claimed by " + owner);
        } else {
            events.stage(run, "resumed by " + owner + " at " + run.state());
        }
        runs.save(run);
        return run;
    }

    /** One step of the run: the only place that checks budgets, catches failures and saves. */
    private LoopRun step(LoopRun run, RunContext ctx) {
        LoopRun next = ctx.progress(run);
        try {
            Step step = steps.forState(run.state());
            if (step.spendsBudget()) {
                checkBudgets(run, ctx);
            }
            Step.Next done = step.apply(run, ctx);
            next = done.run();
            if (next.state() != run.state()) {
                events.stage(next, done.message());
            }
        } catch (RuntimeException e) {
            LoopFailure failure = LoopFailure.of(e);
            if (failure.kind() == FailureKind.INTERNAL) {
                LOG.warn("run {} of {} failed unexpectedly in {}", run.id(), run.ticketKey(), run.state(), e);
            }
            next = stopper.stop(ctx.latest(), ctx, failure);
            events.stage(next, failure.reason());
        } finally {
            runs.save(next);
        }
        if (next.loopDone()) {
            ctx.opened().ifPresent(setup::close);
            events.finished(next);
        }
        return next;
    }

    private void checkBudgets(LoopRun run, RunContext ctx) {
        ctx.open(run).project().budgets().exceeded(run, clock.instant()).ifPresent(why -> {
            throw new LoopFailure.BudgetExceeded(why);
        });
    }
}

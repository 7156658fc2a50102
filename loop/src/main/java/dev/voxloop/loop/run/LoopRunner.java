package dev.voxloop.loop.run;

import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.loop.ControlSignal;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopRunRepository;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.core.loop.LoopTurn;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.ProjectConfig;
import dev.voxloop.loop.agent.AgentFactory;
import dev.voxloop.loop.agent.CodingAgent;
import dev.voxloop.loop.agent.TurnRequest;
import dev.voxloop.loop.agent.TurnResult;
import dev.voxloop.loop.forge.BranchUpdate;
import dev.voxloop.loop.forge.ForgeStage;
import dev.voxloop.loop.forge.ForgeTarget;
import dev.voxloop.loop.forge.StepResult;
import dev.voxloop.loop.gate.GateConfig;
import dev.voxloop.loop.gate.GateResult;
import dev.voxloop.loop.gate.GateSuite;
import dev.voxloop.loop.hook.RunMarker;
import dev.voxloop.loop.workspace.CommandResult;
import dev.voxloop.loop.workspace.Git;
import dev.voxloop.loop.workspace.TaskFile;
import dev.voxloop.loop.workspace.Workspace;
import dev.voxloop.loop.workspace.WorkspacePreparer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The orchestrator: takes one ticket's run through CLAIMED → PREPARING → ITERATING ⇄ VERIFYING → PUSHING → PUSHED,
 * or out to BLOCKED, FAILED or ABORTED. It reads like the story: {@link #run} loops over {@link #step}; a turn
 * happens in exactly one place ({@link #iterate}), budgets are checked in exactly one place (before each turn),
 * the run is saved after every step (in a {@code finally}), and failed gates become the next turn's instruction.
 */
public final class LoopRunner {

    private final LoopRunRepository runs;
    private final TicketTracker tracker;
    private final EventBus events;
    private final WorkspacePreparer preparer;
    private final AgentFactory agents;
    private final GateSuite gates;
    private final LoopSettings settings;
    private final StuckDetector stuck;
    private final Clock clock;
    private final Supplier<String> ids;
    private final Function<ProjectConfig, Optional<ForgeTarget>> forges;
    private final ForgeStage forgeStage;
    private final Duration forgePoll;

    /** What a step needs beyond the persisted run; rebuilt when a run is resumed. */
    private static final class Context {
        Ticket ticket;
        ProjectConfig project;
        Workspace workspace;
        CodingAgent agent;
        GateConfig gateConfig;
        GateSuite.Verdict lastVerdict;
        TurnResult lastTurn;
        long lastTurnOverhead;
        long lastAgentMillis;
        Instant lastTurnStart;
        ForgeTarget forge;
        String lastWait = "";
    }

    public LoopRunner(LoopRunRepository runs, TicketTracker tracker, EventBus events, WorkspacePreparer preparer,
                      AgentFactory agents, GateSuite gates, LoopSettings settings, StuckDetector stuck, Clock clock,
                      Supplier<String> ids) {
        this(runs, tracker, events, preparer, agents, gates, settings, stuck, clock, ids, p -> Optional.empty(), null,
                Duration.ofSeconds(1));
    }

    /**
     * @param forges     where a project's runs go past PUSHED (empty: the run ends at PUSHED)
     * @param forgePoll  how long to wait before asking the forge again while checks or a review are pending
     */
    public LoopRunner(LoopRunRepository runs, TicketTracker tracker, EventBus events, WorkspacePreparer preparer,
                      AgentFactory agents, GateSuite gates, LoopSettings settings, StuckDetector stuck, Clock clock,
                      Supplier<String> ids, Function<ProjectConfig, Optional<ForgeTarget>> forges,
                      ForgeStage forgeStage, Duration forgePoll) {
        this.forges = forges;
        this.forgeStage = forgeStage;
        this.forgePoll = forgePoll;
        this.runs = runs;
        this.tracker = tracker;
        this.events = events;
        this.preparer = preparer;
        this.agents = agents;
        this.gates = gates;
        this.settings = settings;
        this.stuck = stuck;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Runs or resumes the loop for {@code ticketKey} until the loop is done with it, or until {@code stillOwned}
     * says the lease was lost (the run is then left as persisted, for the next owner).
     */
    public LoopRun run(String ticketKey, String owner, BooleanSupplier stillOwned) {
        Ticket ticket = tracker.find(ticketKey).orElseThrow(() -> Problem.notFound("ticket " + ticketKey
                + " does not exist in " + tracker.name()));
        LoopRun run = runs.findActive(ticketKey).map(r -> r.withOwner(owner)).orElse(null);
        if (run == null) {
            ProjectConfig p = settings.project(ticket.projectKey());
            run = LoopRun.start(ids.get(), ticketKey, ticket.projectKey(), owner, p.agent(), clock.instant());
            stage(run, "claimed by " + owner);
        } else {
            stage(run, "resumed by " + owner + " at " + run.state());
        }
        runs.save(run);
        Context ctx = new Context();
        ctx.ticket = ticket;
        while (!run.loopDone()) {
            if (!stillOwned.getAsBoolean()) {
                return run;
            }
            LoopRun before = run;
            try {
                run = step(run, ctx);
            } catch (RuntimeException e) {
                run = end(before, ctx, LoopState.FAILED, "the run failed: " + message(e));
            } finally {
                runs.save(run);
            }
        }
        return run;
    }

    private LoopRun step(LoopRun run, Context ctx) {
        if (ctx.workspace == null && run.state() != LoopState.CLAIMED && run.state() != LoopState.QUEUED
                && run.state() != LoopState.PREPARING) {
            open(run, ctx);
        }
        return switch (run.state()) {
            case QUEUED, CLAIMED -> move(run, LoopState.PREPARING, "preparing the workspace");
            case PREPARING -> prepare(run, ctx);
            case ITERATING -> iterate(run, ctx);
            case VERIFYING -> verify(run, ctx);
            case PUSHING -> push(run, ctx);
            case PR_OPEN -> apply(forgeStage.open(run, ctx.ticket, ctx.forge, ctx.lastVerdict == null ? null
                    : ctx.lastVerdict.summary()), ctx);
            case CHECKS -> apply(forgeStage.checks(run, ctx.forge), ctx);
            case HEALING -> move(run, LoopState.ITERATING, "healing turn: " + firstLine(run.nextInstruction()));
            case REVIEWING -> apply(forgeStage.review(run, ctx.ticket, ctx.forge), ctx);
            case MERGING -> apply(forgeStage.merge(run, ctx.forge, r -> updateBranch(r, ctx)), ctx);
            default -> end(run, ctx, LoopState.FAILED, "the loop cannot continue a run in state " + run.state());
        };
    }

    // ---- preparing ------------------------------------------------------------------------------------------

    private LoopRun prepare(LoopRun run, Context ctx) {
        open(run, ctx);
        Workspace ws = ctx.workspace;
        run = run.withWorkspace(ws.branch(), ws.baseBranch(), ws.baseCommit(), ws.dir().toString());
        try {
            tracker.transition(run.ticketKey(), "In Progress");
        } catch (Problem e) {
            stage(run, "could not move the ticket to In Progress: " + e.getMessage());
        }
        tracker.comment(run.ticketKey(), "voxloop started work on branch `" + ws.branch() + "` (run " + run.id()
                + ", agent " + ctx.agent.name() + ").");
        return move(run, LoopState.ITERATING, "branch " + ws.branch() + " from " + ws.baseBranch() + " at "
                + ws.baseCommit().substring(0, Math.min(10, ws.baseCommit().length())));
    }

    /** Builds the context (workspace, project config, agent, gates) for a new or resumed run. */
    private void open(LoopRun run, Context ctx) {
        ProjectConfig base = settings.project(ctx.ticket.projectKey());
        ctx.forge = forges.apply(base).orElse(null);
        ctx.workspace = preparer.prepare(run.id(), ctx.ticket, ctx.forge == null ? base.repo()
                : ctx.forge.cloneSource(), base.defaultBranch(), run.workspace(), run.branch(), run.baseCommit());
        ctx.project = base.withRepositoryFile(ctx.workspace.dir());
        ctx.agent = agents.create(ctx.project, run, ctx.workspace);
        ctx.gateConfig = new GateConfig(ctx.project.test(), ctx.project.lint(), ctx.project.coverage(),
                ctx.project.coverageReport(), ctx.project.coverageThreshold(), ctx.workspace.baseCommit(),
                ctx.ticket.acceptanceCriteria(), ctx.project.commandTimeout());
        try {
            new RunMarker(run.id(), run.ticketKey(), ctx.workspace.dir().toString(), base.defaultBranch(),
                    ctx.gateConfig).write(ctx.workspace.git().gitDir());
        } catch (IOException e) {
            throw new Problem(Problem.Kind.UNAVAILABLE, "cannot write the run marker: " + e.getMessage());
        }
    }

    // ---- one turn -------------------------------------------------------------------------------------------

    private LoopRun iterate(LoopRun run, Context ctx) {
        long t0 = System.nanoTime();
        Instant now = clock.instant();
        var over = ctx.project.budgets().exceeded(run, now);
        if (over.isPresent()) {
            return end(run, ctx, LoopState.BLOCKED, over.get());
        }
        List<String> extra = new ArrayList<>();
        for (ControlSignal s : runs.takeSignals(run.id())) {
            switch (s.kind()) {
                case ABORT -> {
                    return end(run, ctx, LoopState.ABORTED, "aborted by a person"
                            + (s.message() == null || s.message().isBlank() ? "" : ": " + s.message()));
                }
                case INSTRUCT -> extra.add("A person adds this instruction (follow it unless it breaks the rules in"
                        + " CURRENT_TASK.md):\n" + s.message());
                case CHECKPOINT -> checkpoint(run, ctx);
            }
        }
        restoreTaskFile(run, ctx);
        String instruction = String.join("\n\n", concat(run.nextInstruction(), extra));
        int n = run.iteration() + 1;
        String template = run.iteration() == 0 ? settings.firstPrompt() : settings.nextPrompt();
        String prompt = template.replace("{key}", run.ticketKey()).replace("{iteration}", String.valueOf(n))
                .replace("{instruction}", instruction.isBlank() ? "Continue with the task." : instruction);

        long a0 = System.nanoTime();
        TurnResult turn = ctx.agent.turn(new TurnRequest(run.id(), run.ticketKey(), ctx.workspace.dir(), n, prompt,
                run.agentSession(), ctx.project.budgets().remaining(run, now)));
        long agentMillis = (System.nanoTime() - a0) / 1_000_000;

        double usd = turn.costUsd() >= 0 ? turn.costUsd() : (turn.inputTokens() * settings.inputUsdPerMtok()
                + turn.outputTokens() * settings.outputUsdPerMtok()) / 1_000_000.0;
        run = run.afterTurn(turn.sessionId(), turn.inputTokens(), turn.outputTokens(), usd, clock.instant())
                .withInstruction(null);
        logProgress(ctx, n, turn);
        ctx.workspace.git().commitAll(run.ticketKey() + ": iteration " + n);
        events.publish(new PipelineEvent.IterationFinished(clock.instant(), run.id(), run.ticketKey(), n,
                cut(turn.message(), 300), turn.inputTokens(), turn.outputTokens()));
        events.publish(new PipelineEvent.CostUpdated(clock.instant(), run.id(), run.ticketKey(), run.costUsd(),
                run.inputTokens() + run.outputTokens()));
        ctx.lastTurn = turn;
        ctx.lastAgentMillis = agentMillis;
        ctx.lastTurnStart = now;
        ctx.lastTurnOverhead = (System.nanoTime() - t0) / 1_000_000 - agentMillis;
        if (turn.blockedReason() != null) {
            return end(run, ctx, LoopState.BLOCKED, "the agent needs a person: " + turn.blockedReason());
        }
        if (turn.claimsDone()) {
            return move(run, LoopState.VERIFYING, "turn " + n + " claims completion; running the gates");
        }
        return record(run, ctx, null, 0, 0).withInstruction("Continue with the task.");
    }

    // ---- gates ----------------------------------------------------------------------------------------------

    private LoopRun verify(LoopRun run, Context ctx) {
        long t0 = System.nanoTime();
        GateSuite.Verdict v = gates.evaluate(ctx.workspace.dir(), ctx.gateConfig);
        ctx.lastVerdict = v;
        for (GateResult r : v.results()) {
            events.publish(new PipelineEvent.GateEvaluated(clock.instant(), run.id(), run.ticketKey(), r.name(),
                    r.passed(), cut(r.passed() ? r.detail() : r.detail(), 500)));
        }
        long stepMillis = (System.nanoTime() - t0) / 1_000_000;
        LoopRun recorded = record(run, ctx, v, v.commandMillis(), stepMillis - v.commandMillis());
        if (recorded.loopDone()) {
            return recorded;
        }
        if (v.passed()) {
            return move(recorded, LoopState.PUSHING, "all gates passed: " + v.summary());
        }
        return move(recorded.withInstruction(v.feedback()), LoopState.ITERATING, "gates failed: " + v.summary());
    }

    /** Persists the turn and checks for a stuck loop; returns the run (BLOCKED when stuck). */
    private LoopRun record(LoopRun run, Context ctx, GateSuite.Verdict v, long gateMillis, long gateOverhead) {
        String tree = ctx.workspace.git().run("rev-parse", "HEAD^{tree}");
        String message = ctx.lastTurn == null ? "" : ctx.lastTurn.message();
        String failing = v == null || v.failingTests().isEmpty() ? "" : hash(String.join("\n", v.failingTests()));
        String results = v == null ? "no-gates" : v.results().stream()
                .map(r -> r.name() + "=" + r.passed()).reduce("", (a, b) -> a + b + ";") + failing;
        TurnResult t = ctx.lastTurn;
        runs.addTurn(new LoopTurn(run.id(), run.iteration(), ctx.lastTurnStart == null ? clock.instant()
                : ctx.lastTurnStart, ctx.lastAgentMillis, gateMillis, ctx.lastTurnOverhead + gateOverhead,
                cut(message, 500), hash(tree), hash(results), failing, v == null ? "" : v.summary(),
                v != null && v.passed(), t == null ? 0 : t.inputTokens(), t == null ? 0 : t.outputTokens(),
                t == null ? 0 : Math.max(0, t.costUsd())));
        var s = stuck.check(runs.turns(run.id()));
        if (s.isPresent() && (v == null || !v.passed())) {
            events.publish(new PipelineEvent.StuckDetected(clock.instant(), run.id(), run.ticketKey(),
                    s.get().pattern(), s.get().repeats()));
            return end(run, ctx, LoopState.BLOCKED, "stuck: " + s.get().description());
        }
        return run;
    }

    // ---- the end of the loop --------------------------------------------------------------------------------

    private LoopRun push(LoopRun run, Context ctx) {
        Git git = ctx.workspace.git();
        git.commitAll(run.ticketKey() + ": final changes");
        CommandResult r = git.tryRun("push", "-q", "-u", "origin", "HEAD:refs/heads/" + ctx.workspace.branch());
        if (!r.ok()) {
            return end(run, ctx, LoopState.FAILED, "pushing " + ctx.workspace.branch() + " failed: " + r.tail(500));
        }
        String head = git.head();
        run = run.withPushed(head);
        tracker.comment(run.ticketKey(), "voxloop pushed branch `" + ctx.workspace.branch() + "` ("
                + ctx.project.linkTo(ctx.workspace.branch()) + ") at " + head.substring(0, 10) + " after "
                + run.iteration() + " iteration(s). Gates passed: "
                + (ctx.lastVerdict == null ? "see the run log" : ctx.lastVerdict.summary()) + ".");
        if (ctx.forge != null && forgeStage != null) {
            return run.forge().hasPullRequest()
                    ? move(run.withForge(run.forge().pushed(head)), LoopState.CHECKS, "pushed " + head.substring(0, 10)
                    + " to pull request #" + run.forge().pullRequest() + "; waiting for checks")
                    : move(run, LoopState.PR_OPEN, "branch " + ctx.workspace.branch() + " pushed; gates passed;"
                    + " opening the pull request");
        }
        return end(run, ctx, LoopState.PUSHED, "branch " + ctx.workspace.branch() + " pushed; gates passed");
    }

    // ---- past the pushed branch: the forge ------------------------------------------------------------------

    private LoopRun apply(StepResult r, Context ctx) {
        return switch (r) {
            case StepResult.Move m -> move(m.run(), m.to(), m.message());
            case StepResult.End e -> end(e.run(), ctx, e.state(), e.reason());
            case StepResult.Wait w -> {
                if (!w.why().equals(ctx.lastWait)) {
                    stage(w.run(), w.why());
                }
                ctx.lastWait = w.why();
                pause();
                yield w.run();
            }
        };
    }

    /** Merges the moved base into the task branch; pushes a clean result, leaves a conflict for the agent. */
    private BranchUpdate.Result updateBranch(LoopRun run, Context ctx) {
        Git git = ctx.workspace.git();
        git.run("fetch", "-q", "origin", run.baseBranch());
        String base = git.run("rev-parse", "FETCH_HEAD");
        CommandResult merged = git.tryRun("merge", "--no-edit", "-m", run.ticketKey() + ": merge " + run.baseBranch()
                + " into " + ctx.workspace.branch(), "FETCH_HEAD");
        ctx.gateConfig = ctx.gateConfig.withBase(base);
        if (merged.ok()) {
            CommandResult r = git.tryRun("push", "-q", "-u", "origin", "HEAD:refs/heads/" + ctx.workspace.branch());
            if (!r.ok()) {
                throw new Problem(Problem.Kind.UPSTREAM, "pushing the updated branch failed: " + r.tail(300));
            }
            return new BranchUpdate.Result.Pushed(git.head(), base);
        }
        String conflicted = git.run("diff", "--name-only", "--diff-filter=U");
        return new BranchUpdate.Result.Conflict("The default branch " + run.baseBranch() + " moved and merging it"
                + " into this branch conflicts. The merge is in progress in the working tree: resolve the conflict"
                + " markers in these files, keeping both changes' intent, then make the gates pass:\n"
                + conflicted, base);
    }

    private void pause() {
        try {
            Thread.sleep(forgePoll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Problem(Problem.Kind.UNAVAILABLE, "interrupted while waiting for the forge");
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Ends the run (BLOCKED, FAILED, ABORTED, or PUSHED): progress pushed where it makes sense, ticket told. */
    private LoopRun end(LoopRun run, Context ctx, LoopState state, String reason) {
        String pushedNote = "";
        boolean finished = state == LoopState.PUSHED || state == LoopState.MERGED;
        if (!finished && ctx.workspace != null) {
            try {
                Git git = ctx.workspace.git();
                git.commitAll(run.ticketKey() + ": WIP progress after " + run.iteration() + " iteration(s)");
                if (run.iteration() > 0 && git.tryRun("push", "-q", "-u", "origin", "HEAD:refs/heads/"
                        + ctx.workspace.branch()).ok()) {
                    pushedNote = " Progress so far is on branch `" + ctx.workspace.branch() + "` ("
                            + ctx.project.linkTo(ctx.workspace.branch()) + ").";
                    run = run.withPushed(git.head());
                }
            } catch (RuntimeException e) {
                pushedNote = " Saving progress failed: " + message(e);
            }
        }
        if (!finished) {
            try {
                tracker.comment(run.ticketKey(), "voxloop stopped the run as " + state + ": " + reason + "."
                        + pushedNote + remaining(ctx));
            } catch (RuntimeException e) {
                stage(run, "could not comment on the ticket: " + message(e));
            }
        }
        if (ctx.workspace != null) {
            try {
                RunMarker.clear(ctx.workspace.git().gitDir());
            } catch (IOException | RuntimeException ignored) {
                // the marker only matters while the run is active
            }
        }
        LoopRun done = run.withState(state, reason, clock.instant());
        stage(done, reason);
        events.publish(new PipelineEvent.RunFinished(clock.instant(), done.id(), done.ticketKey(), state.name(),
                reason));
        return done;
    }

    private static String remaining(Context ctx) {
        List<String> left = new ArrayList<>();
        if (ctx.workspace != null && ctx.ticket != null) {
            try {
                Path task = ctx.workspace.dir().resolve(TaskFile.NAME);
                String content = Files.exists(task) ? Files.readString(task) : "";
                for (String c : TaskFile.unchecked(content, ctx.ticket.acceptanceCriteria())) {
                    left.add("criterion not done: " + c);
                }
            } catch (IOException ignored) {
                // best effort
            }
        }
        if (ctx.lastVerdict != null) {
            for (GateResult r : ctx.lastVerdict.failures()) {
                left.add("gate failing: " + r.name());
            }
        }
        return left.isEmpty() ? "" : "\nWhat remains:\n- " + String.join("\n- ", left);
    }

    private void checkpoint(LoopRun run, Context ctx) {
        Git git = ctx.workspace.git();
        git.commitAll(run.ticketKey() + ": checkpoint after " + run.iteration() + " iteration(s)");
        CommandResult r = git.tryRun("push", "-q", "-u", "origin", "HEAD:refs/heads/" + ctx.workspace.branch());
        stage(run, r.ok() ? "checkpoint pushed to " + ctx.workspace.branch() : "checkpoint push failed: "
                + r.tail(300));
    }

    // ---- small things ---------------------------------------------------------------------------------------

    /** An agent that deleted CURRENT_TASK.md (e.g. {@code git clean -fdx}) gets a fresh one, criteria unticked. */
    private static void restoreTaskFile(LoopRun run, Context ctx) {
        Path task = ctx.workspace.dir().resolve(TaskFile.NAME);
        if (!Files.exists(task)) {
            try {
                Files.writeString(task, TaskFile.render(ctx.ticket, ctx.workspace.branch(), ctx.workspace.baseBranch(),
                        ctx.ticket.acceptanceCriteria()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot restore " + TaskFile.NAME + " for " + run.ticketKey(),
                        e);
            }
        }
    }

    private void logProgress(Context ctx, int n, TurnResult turn) {
        Path task = ctx.workspace.dir().resolve(TaskFile.NAME);
        try {
            if (Files.exists(task)) {
                Files.writeString(task, TaskFile.appendLog(Files.readString(task), n, clock.instant(),
                        ctx.agent.name() + " turn", cut(turn.message(), 150)));
            }
        } catch (IOException ignored) {
            // the log is a courtesy to the agent; the run's turns are persisted separately
        }
    }

    private LoopRun move(LoopRun run, LoopState to, String message) {
        LoopRun next = run.withState(to, null, clock.instant());
        stage(next, message);
        return next;
    }

    private void stage(LoopRun run, String message) {
        events.publish(new PipelineEvent.LoopStageChanged(clock.instant(), run.id(), run.ticketKey(),
                run.state().name(), message));
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> l = new ArrayList<>();
        if (first != null && !first.isBlank()) {
            l.add(first);
        }
        l.addAll(rest);
        return l;
    }

    private static String message(RuntimeException e) {
        return e instanceof Problem p ? p.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }

    static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

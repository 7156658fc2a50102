package dev.voxloop.forge.ci;

import dev.voxloop.core.forge.Check;
import dev.voxloop.core.forge.FailingTests;
import dev.voxloop.core.forge.ForgeStore;
import dev.voxloop.core.forge.PullRequest;
import dev.voxloop.forge.builtin.CheckRunner;
import dev.voxloop.forge.builtin.GitReads;
import dev.voxloop.forge.hosting.BareRepositories;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in CI: for a pull request's head commit it registers every check of the {@link CiPlan} plus the
 * pull-request validation (all QUEUED, in one go), then runs them one after another on its executor, each in a
 * fresh clone inside the sandbox ({@link CheckProcess}), keeping the log as it streams and concluding SUCCESS, FAILURE (with the
 * failing tests it can read from the output) or TIMED_OUT. Checks a stopped process left unfinished are cancelled
 * and run again by {@link #recover}.
 */
public final class CiRunner implements CheckRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CiRunner.class);
    /** A log is kept up to this size; beyond it only a note is added (the end is in the summary). */
    static final int MAX_LOG = 1 << 20;

    private final ForgeStore store;
    private final BareRepositories repos;
    private final Function<String, List<CiCommand>> projectCommands;
    private final CheckProcess checks;
    private final Duration defaultTimeout;
    private final ExecutorService executor;
    private final Clock clock;

    public CiRunner(ForgeStore store, BareRepositories repos, Function<String, List<CiCommand>> projectCommands,
                    CheckProcess checks, Duration defaultTimeout, ExecutorService executor, Clock clock) {
        this.store = store;
        this.repos = repos;
        this.projectCommands = projectCommands;
        this.checks = checks;
        this.defaultTimeout = defaultTimeout;
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    public synchronized void start(String repository, PullRequest pr) {
        String sha = pr.headSha();
        if (!store.checks(repository, sha).isEmpty()) {
            return;
        }
        List<CiCommand> plan;
        String planError = null;
        try (var repo = repos.open(repository)) {
            plan = CiPlan.of(path -> GitReads.read(repo, sha, path), dir -> GitReads.list(repo, sha, dir),
                    projectCommands.apply(repository), defaultTimeout);
        } catch (IllegalArgumentException e) {
            plan = List.of();
            planError = e.getMessage();
        }
        Check validation = store.addCheck(repository, queued(PullRequestValidation.NAME, sha));
        List<String> problems = PullRequestValidation.problems(pr.title(), pr.head());
        conclude(repository, validation, clock.instant(), problems.isEmpty() ? Check.Conclusion.SUCCESS
                : Check.Conclusion.FAILURE, problems.isEmpty() ? "title and branch follow the conventions"
                : String.join("; ", problems), List.of());
        store.appendLog(repository, validation.id(), "title: " + pr.title() + "\nbranch: " + pr.head() + "\n"
                + (problems.isEmpty() ? "ok\n" : String.join("\n", problems) + "\n"));
        if (planError != null) {
            Check c = store.addCheck(repository, queued("ci-config", sha));
            store.appendLog(repository, c.id(), planError + "\n");
            conclude(repository, c, clock.instant(), Check.Conclusion.FAILURE, planError, List.of());
            return;
        }
        List<Check> queued = new ArrayList<>();
        for (CiCommand command : plan) {
            queued.add(store.addCheck(repository, queued(command.name(), sha)));
        }
        List<CiCommand> commands = plan;
        executor.execute(() -> {
            for (int i = 0; i < queued.size(); i++) {
                runOne(repository, sha, commands.get(i), queued.get(i));
            }
        });
    }

    @Override
    public void rerun(String repository, Check check) {
        if (check.name().equals(PullRequestValidation.NAME)) {
            throw new IllegalArgumentException("pr-validation runs again when the title or branch changes");
        }
        List<CiCommand> plan;
        try (var repo = repos.open(repository)) {
            plan = CiPlan.of(path -> GitReads.read(repo, check.headSha(), path),
                    dir -> GitReads.list(repo, check.headSha(), dir), projectCommands.apply(repository),
                    defaultTimeout);
        }
        CiCommand command = plan.stream().filter(c -> c.name().equals(check.name())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("check " + check.name() + " is no longer declared"));
        Check again = store.addCheck(repository, queued(command.name(), check.headSha()));
        executor.execute(() -> runOne(repository, check.headSha(), command, again));
    }

    /** Cancels and re-runs checks that a stopped process left queued or running. */
    public void recover(String repository) {
        for (PullRequest pr : store.pullRequests(repository, dev.voxloop.core.forge.PullRequestState.OPEN, 100)) {
            for (Check c : store.checks(repository, pr.headSha())) {
                if (!c.completed()) {
                    store.appendLog(repository, c.id(), "\ninterrupted: voxloop stopped while this check ran\n");
                    conclude(repository, c, clock.instant(), Check.Conclusion.CANCELLED,
                            "interrupted: voxloop stopped while this check ran", List.of());
                    try {
                        rerun(repository, c);
                    } catch (RuntimeException e) {
                        LOG.warn("cannot re-run check {} of {}: {}", c.name(), repository, e.getMessage());
                    }
                }
            }
        }
    }

    private void runOne(String repository, String sha, CiCommand command, Check check) {
        Instant started = clock.instant();
        Check running = new Check(check.id(), check.name(), sha, Check.Status.IN_PROGRESS, null, started, null,
                "running: " + command.run().lines().findFirst().orElse(""), List.of(), check.url());
        store.updateCheck(repository, running);
        LogSink sink = new LogSink(text -> store.appendLog(repository, check.id(), text), MAX_LOG);
        try {
            CheckProcess.Outcome o = checks.run(repos.path(repository), sha, command, sink);
            sink.flush();
            Check.Conclusion c = o.timedOut() ? Check.Conclusion.TIMED_OUT
                    : o.exitCode() == 0 ? Check.Conclusion.SUCCESS : Check.Conclusion.FAILURE;
            String summary = o.timedOut() ? "timed out after " + command.timeout().toSeconds() + " s"
                    : o.exitCode() == 0 ? "passed" : "exit " + o.exitCode() + ": " + lastLine(o.tail());
            conclude(repository, running, clock.instant(), c, summary, c == Check.Conclusion.SUCCESS ? List.of()
                    : FailingTests.parse(store.log(repository, check.id())));
        } catch (InterruptedException e) {
            // recorded before the interrupt is restored: a database file write on an interrupted thread fails
            sink.flush();
            conclude(repository, running, clock.instant(), Check.Conclusion.CANCELLED, "cancelled", List.of());
            Thread.currentThread().interrupt();
        } catch (java.io.IOException | RuntimeException e) {
            boolean interrupted = Thread.interrupted();
            sink.flush();
            store.appendLog(repository, check.id(), "\nthe check could not run: " + e.getMessage() + "\n");
            conclude(repository, running, clock.instant(), Check.Conclusion.FAILURE,
                    "the check could not run: " + e.getMessage(), List.of());
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void conclude(String repository, Check c, Instant at, Check.Conclusion conclusion, String summary,
                          List<String> failing) {
        store.updateCheck(repository, new Check(c.id(), c.name(), c.headSha(), Check.Status.COMPLETED, conclusion,
                c.startedAt() == null ? at : c.startedAt(), at, summary, failing, c.url()));
    }

    private static Check queued(String name, String sha) {
        return new Check(null, name, sha, Check.Status.QUEUED, null, null, null, "queued", List.of(), null);
    }

    static String lastLine(String tail) {
        List<String> lines = tail.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String last = lines.isEmpty() ? "(no output)" : lines.getLast();
        return last.length() > 200 ? last.substring(0, 200) + "..." : last;
    }
}

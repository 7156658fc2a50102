package dev.voxloop.loop.gate;

import dev.voxloop.core.forge.FailingTests;
import dev.voxloop.core.guard.PolicyContext;
import dev.voxloop.core.guard.ToolCall;
import dev.voxloop.core.guard.ToolUsePolicy;
import dev.voxloop.core.loop.GateCheck;
import dev.voxloop.core.loop.GateConfig;
import dev.voxloop.loop.workspace.CommandResult;
import dev.voxloop.loop.workspace.Git;
import dev.voxloop.loop.workspace.RunSandbox;
import dev.voxloop.loop.workspace.TaskFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The gates, evaluated in a workspace against the run's base commit: protected files untouched, tests not
 * weakened, every acceptance criterion ticked, test command passes, lint clean, coverage of the changed lines at
 * or above the threshold. Every gate runs (so one turn's feedback names all that is left); cheap ones first. A
 * command gate that already passed on exactly these files (the agent's Stop hook ran the suite just before the
 * orchestrator's verification) is not run again ({@link GateMemo}).
 */
public final class GateSuite implements GateCheck {

    private static final int DETAIL_MAX = 3000;

    private final ToolUsePolicy policy;
    private final RunSandbox sandbox;

    /**
     * @param policy  decides which changed files count as protected (those it would refuse to write)
     * @param sandbox where the test, lint and coverage commands run
     */
    public GateSuite(ToolUsePolicy policy, RunSandbox sandbox) {
        this.policy = policy;
        this.sandbox = sandbox;
    }

    /** All results; {@link #passed()} when every one passed. */
    public record Verdict(List<GateResult> results, long commandMillis) {
        public boolean passed() {
            return results.stream().allMatch(GateResult::passed);
        }

        public List<GateResult> failures() {
            return results.stream().filter(r -> !r.passed()).toList();
        }

        public List<String> failingTests() {
            return results.stream().flatMap(r -> r.failingTests().stream()).sorted().toList();
        }

        /** The next instruction for the agent when gates failed. */
        public String feedback() {
            StringBuilder b = new StringBuilder("The orchestrator's gates did not pass yet. Fix these, then finish"
                    + " again:\n");
            for (GateResult r : failures()) {
                b.append("\n### ").append(r.name()).append("\n").append(r.detail()).append('\n');
            }
            return b.toString();
        }

        public String summary() {
            StringBuilder b = new StringBuilder();
            for (GateResult r : results) {
                b.append(r.name()).append(r.passed() ? " ok" : " FAILED").append("; ");
            }
            return b.toString().replaceAll("; $", "");
        }
    }

    /** The hooks' view: passed, or what to fix. */
    @Override
    public Outcome check(Path workspace, GateConfig gates) {
        Verdict v = evaluate(workspace, gates);
        return new Outcome(v.passed(), v.passed() ? "" : v.feedback());
    }

    public Verdict evaluate(Path workspace, GateConfig cfg) {
        Git git = new Git(workspace);
        long[] commandMillis = {0};
        List<GateResult> out = new ArrayList<>();
        out.add(protectedFiles(git, cfg));
        out.add(notWeakened(git, cfg));
        out.add(acceptance(workspace, cfg));
        Optional<GateMemo> memo = sandbox.isolates() ? GateMemo.of(git, cfg) : Optional.empty();
        Map<String, GateResult> known = memo.map(GateMemo::passed).orElse(Map.of());
        List<GateResult> commands = List.of(
                known.get("tests") != null ? known.get("tests")
                        : timed(commandMillis, () -> tests(workspace, cfg)),
                known.get("lint") != null ? known.get("lint")
                        : timed(commandMillis, () -> command("lint", cfg.lintCommand(), workspace, cfg)),
                known.get("coverage") != null ? known.get("coverage")
                        : timed(commandMillis, () -> coverage(git, cfg)));
        out.addAll(commands);
        memo.ifPresent(m -> m.remember(commands));
        return new Verdict(out, commandMillis[0]);
    }

    private static GateResult timed(long[] acc, java.util.function.Supplier<GateResult> gate) {
        long t0 = System.nanoTime();
        try {
            return gate.get();
        } finally {
            acc[0] += (System.nanoTime() - t0) / 1_000_000;
        }
    }

    GateResult protectedFiles(Git git, GateConfig cfg) {
        String names = git.diffWorkingTree(cfg.baseRef(), "--name-only", "--no-renames");
        PolicyContext ctx = PolicyContext.of(git.dir(), null, () -> null);
        List<String> touched = new ArrayList<>();
        for (String n : names.split("\n")) {
            if (!n.isBlank() && !policy.evaluate(ToolCall.write(n.strip()), ctx).allowed()) {
                touched.add(n.strip());
            }
        }
        return touched.isEmpty() ? GateResult.pass("protected-files", "no protected file changed")
                : GateResult.fail("protected-files", "Protected files were changed; restore them to the base"
                + " version (git checkout " + cfg.baseRef() + " -- <file>): " + String.join(", ", touched));
    }

    GateResult notWeakened(Git git, GateConfig cfg) {
        try {
            List<String> problems = TestWeakening.check(git, cfg.baseRef());
            return problems.isEmpty() ? GateResult.pass("tests-not-weakened", "no test deleted, emptied or skipped")
                    : GateResult.fail("tests-not-weakened", "Tests were weakened compared with the base branch;"
                    + " restore them:\n- " + String.join("\n- ", problems));
        } catch (IOException e) {
            return GateResult.fail("tests-not-weakened", "could not compare tests: " + e.getMessage());
        }
    }

    GateResult acceptance(Path workspace, GateConfig cfg) {
        Path task = workspace.resolve(TaskFile.NAME);
        if (cfg.criteria().isEmpty()) {
            return GateResult.pass("acceptance", "the ticket has no acceptance criteria");
        }
        try {
            String content = Files.exists(task) ? Files.readString(task) : "";
            List<String> open = TaskFile.unchecked(content, cfg.criteria());
            return open.isEmpty() ? GateResult.pass("acceptance", "all " + cfg.criteria().size()
                    + " criteria ticked")
                    : GateResult.fail("acceptance", "Acceptance criteria not ticked in " + TaskFile.NAME
                    + " (tick each one, unchanged, only when a test proves it):\n- " + String.join("\n- ", open));
        } catch (IOException e) {
            return GateResult.fail("acceptance", "cannot read " + TaskFile.NAME + ": " + e.getMessage());
        }
    }

    GateResult tests(Path workspace, GateConfig cfg) {
        if (blank(cfg.testCommand())) {
            return GateResult.fail("tests", "no test command is configured for this project (loop.projects.<KEY>"
                    + ".test); a change cannot pass without tests");
        }
        CommandResult r = sandbox.shell(cfg.testCommand(), workspace, cfg.commandTimeout());
        if (r.ok()) {
            return GateResult.pass("tests", "'" + cfg.testCommand() + "' passed in " + r.millis() + " ms");
        }
        List<String> failing = FailingTests.parse(r.output());
        String why = r.timedOut() ? "timed out after " + cfg.commandTimeout().toSeconds() + " s" : "exit " + r.exit();
        return new GateResult("tests", false, "'" + cfg.testCommand() + "' failed (" + why + "):\n"
                + r.tail(DETAIL_MAX), failing);
    }

    GateResult command(String name, String command, Path workspace, GateConfig cfg) {
        if (blank(command)) {
            return GateResult.pass(name, "not configured");
        }
        CommandResult r = sandbox.shell(command, workspace, cfg.commandTimeout());
        return r.ok() ? GateResult.pass(name, "'" + command + "' clean")
                : GateResult.fail(name, "'" + command + "' failed (exit " + r.exit() + "):\n" + r.tail(DETAIL_MAX));
    }

    GateResult coverage(Git git, GateConfig cfg) {
        if (blank(cfg.coverageCommand())) {
            return GateResult.pass("coverage", "not configured");
        }
        CommandResult r = sandbox.shell(cfg.coverageCommand(), git.dir(), cfg.commandTimeout());
        if (!r.ok()) {
            return GateResult.fail("coverage", "'" + cfg.coverageCommand() + "' failed (exit " + r.exit() + "):\n"
                    + r.tail(DETAIL_MAX));
        }
        Path report = git.dir().resolve(cfg.coverageReport());
        CoverageReport cov;
        try {
            cov = CoverageReport.read(report);
        } catch (IOException e) {
            return GateResult.fail("coverage", e.getMessage());
        }
        var changed = ChangedLines.parse(git.diffWorkingTree(cfg.baseRef(), "-U0", "--no-renames"));
        int total = 0;
        int covered = 0;
        List<String> missed = new ArrayList<>();
        for (var e : changed.entrySet()) {
            if (TestWeakening.isTestFile(e.getKey())) {
                continue;
            }
            Map<Integer, Boolean> lines = cov.forPath(e.getKey());
            TreeSet<Integer> miss = new TreeSet<>();
            for (int nr : e.getValue()) {
                Boolean hit = lines.get(nr);
                if (hit != null) {
                    total++;
                    if (hit) {
                        covered++;
                    } else {
                        miss.add(nr);
                    }
                }
            }
            if (!miss.isEmpty()) {
                missed.add(e.getKey() + " lines " + miss);
            }
        }
        if (total == 0) {
            return GateResult.pass("coverage", "no executable changed lines");
        }
        int pct = (int) Math.floor(100.0 * covered / total);
        String summary = covered + "/" + total + " changed lines covered (" + pct + "%, threshold "
                + cfg.coverageThreshold() + "%)";
        return pct >= cfg.coverageThreshold() ? GateResult.pass("coverage", summary)
                : GateResult.fail("coverage", summary + "; add tests that run:\n- " + String.join("\n- ", missed));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

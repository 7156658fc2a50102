package dev.voxloop.bench.guard;

import dev.voxloop.core.sandbox.Network;
import dev.voxloop.core.sandbox.Sandbox;
import dev.voxloop.core.sandbox.SandboxLimits;
import dev.voxloop.core.sandbox.SandboxRequest;
import dev.voxloop.loop.agent.CommandAgent;
import dev.voxloop.loop.agent.ReplayAgent;
import dev.voxloop.loop.agent.TurnRequest;
import dev.voxloop.loop.workspace.RunSandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the sandbox costs, for docs/benchmarks.md: the same work through the bubblewrap backend and through the
 * {@code none} backend (the same process handling, environment allowlist and limits, no isolation), alternating
 * round by round, so the difference is what isolation adds: bubblewrap's namespaces and mounts, the cgroups, the
 * protected-path scan and the placeholders. Cases: a bare command ({@code true}), a typical tool call
 * ({@code git status}), a command agent's turn, and a replay agent's turn of three edits (three sandboxed writes).
 */
public final class SandboxBench {

    private final Sandbox isolated;
    private final Sandbox host;
    private final Path homes;

    public SandboxBench(Sandbox isolated, Sandbox host, Path homes) {
        this.isolated = isolated;
        this.host = host;
        this.homes = homes;
    }

    /** Runs every case {@code rounds} times per backend in the git workspace {@code ws}; returns the table. */
    public String run(Path ws, int rounds) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%s vs %s, %d rounds each, workspace %s%n"
                + "| case | %s p50 | p90 | %s p50 | p90 | overhead p50 |%n| --- | ---: | ---: | ---: | ---: | ---: |%n",
                isolated.name(), host.name(), rounds, ws, isolated.name(), host.name()));
        row(out, "command `true`", rounds, s -> () -> s.run(SandboxRequest.of(List.of("true"), ws)));
        row(out, "tool call `git status --short`", rounds,
                s -> () -> s.run(SandboxRequest.of(List.of("git", "status", "--short"), ws)));
        row(out, "command agent turn (1 process)", rounds, s -> () -> commandTurn(s, ws));
        row(out, "replay agent turn (3 edits)", rounds, s -> () -> replayTurn(s, ws));
        return out.toString();
    }

    private interface Case {
        Supplier<Object> on(Sandbox s);
    }

    private void row(StringBuilder out, String name, int rounds, Case c) {
        c.on(isolated).get();
        c.on(host).get();
        long[] a = new long[rounds];
        long[] b = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            a[i] = timed(c.on(isolated));
            b[i] = timed(c.on(host));
        }
        Arrays.sort(a);
        Arrays.sort(b);
        out.append(String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %+.1f ms |%n", name,
                pct(a, 50), pct(a, 90), pct(b, 50), pct(b, 90), pct(a, 50) - pct(b, 50)));
    }

    private Object commandTurn(Sandbox s, Path ws) {
        RunSandbox rs = new RunSandbox(s, key -> Network.NONE, SandboxLimits.DEFAULTS, homes);
        return new CommandAgent(List.of("sh", "-c", "cat > bench-notes.md"), Map.of(), rs)
                .turn(new TurnRequest("bench", "BENCH-1", ws, 1, "notes of one turn", null, Duration.ofMinutes(1)));
    }

    private Object replayTurn(Sandbox s, Path ws) {
        RunSandbox rs = new RunSandbox(s, key -> Network.NONE, SandboxLimits.DEFAULTS, homes);
        List<ReplayAgent.Edit> edits = new ArrayList<>();
        edits.add(new ReplayAgent.Edit("src/bench/A.java", "class A {}\n", null, null, false));
        edits.add(new ReplayAgent.Edit("src/bench/ATest.java", "class ATest {}\n", null, null, false));
        edits.add(new ReplayAgent.Edit("src/bench/A.java", null, "class A", "final class A", false));
        return new ReplayAgent(List.of(new ReplayAgent.Step("three edits", edits, true, 0, 0)), rs)
                .turn(new TurnRequest("bench", "BENCH-1", ws, 1, "p", null, Duration.ofMinutes(1)));
    }

    private static long timed(Supplier<Object> work) {
        long t0 = System.nanoTime();
        work.get();
        return System.nanoTime() - t0;
    }

    private static double pct(long[] sortedNanos, int p) {
        int i = Math.min(sortedNanos.length - 1, (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1);
        return sortedNanos[Math.max(i, 0)] / 1e6;
    }
}

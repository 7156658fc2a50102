package dev.voxloop.bench.guard;

import dev.voxloop.core.guard.AgentHooks;
import dev.voxloop.core.guard.RunMarker;
import dev.voxloop.core.guard.RunMarkers;
import dev.voxloop.core.loop.GateConfig;
import dev.voxloop.loop.workspace.CommandResult;
import dev.voxloop.loop.workspace.Git;
import dev.voxloop.loop.workspace.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The hook round trip an agent pays per tool call: the launcher run through {@code sh -c} exactly as Claude Code
 * and Codex run a command hook (JSON on stdin), {@code curl} to the turn's hook socket, the policy's decision and
 * the action log, back on stdout. Inside a workspace with a run marker, alternating an allowed and a denied Bash
 * call; the first calls warm the JVM and are not counted.
 */
public final class HookBench {

    private static final int WARM_UP = 20;

    private final AgentHooks hooks;
    private final RunMarkers markers;

    public HookBench(AgentHooks hooks, RunMarkers markers) {
        this.hooks = hooks;
        this.markers = markers;
    }

    public record Report(int calls, double meanMs, long p50Ms, long p99Ms, long maxMs, int denied) {

        public String render() {
            return String.format("hook round trip (sh + curl + policy), %d calls: mean %.1f ms, p50 %d ms, p99 %d ms,"
                    + " max %d ms (%d denied)%n", calls, meanMs, p50Ms, p99Ms, maxMs, denied);
        }
    }

    public Report run(Path dir, int calls) {
        try {
            Path ws = Files.createDirectories(dir.resolve("ws"));
            Git git = new Git(ws);
            git.run("init", "-q", "-b", "feature/TRACK-1-bench");
            Files.writeString(ws.resolve("README.md"), "bench\n");
            git.commitAll("TRACK-1: bench");
            markers.write(git.gitDir(), new RunMarker("bench", "TRACK-1", ws.toString(), "main", new GateConfig("true",
                    null, null, null, 80, git.head(), List.of(), Duration.ofMinutes(1))));
            try (AgentHooks.Endpoint server = hooks.open(ws)) {
                List<Long> millis = new ArrayList<>();
                int denied = 0;
                for (int i = 0; i < WARM_UP + calls; i++) {
                    String command = i % 2 == 0 ? "mvn -q test && git status" : "git push origin HEAD:main";
                    String in = "{\"hook_event_name\":\"PreToolUse\",\"cwd\":\"" + ws + "\",\"tool_name\":\"Bash\","
                            + "\"tool_input\":{\"command\":\"" + command + "\"}}";
                    long t0 = System.nanoTime();
                    CommandResult r = Processes.run(List.of("sh", "-c", server.command("pre-tool-use")), ws, Map.of(),
                            in, Duration.ofSeconds(30));
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    if (r.exit() != 0) {
                        throw new IllegalStateException("the hook failed: " + r.tail(300));
                    }
                    if (i >= WARM_UP) {
                        millis.add(ms);
                        denied += r.output().contains("\"deny\"") ? 1 : 0;
                    }
                }
                Collections.sort(millis);
                double mean = millis.stream().mapToLong(Long::longValue).average().orElse(0);
                return new Report(calls, mean, percentile(millis, 50), percentile(millis, 99),
                        millis.get(millis.size() - 1), denied);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}

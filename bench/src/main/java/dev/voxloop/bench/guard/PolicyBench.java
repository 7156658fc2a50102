package dev.voxloop.bench.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.core.guard.Decision;
import dev.voxloop.core.guard.PolicyContext;
import dev.voxloop.core.guard.ToolCall;
import dev.voxloop.core.guard.ToolUsePolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Judges the policy against a corpus of tool calls (JSON lines: {@code expect} allow|deny, {@code tool_name},
 * {@code tool_input}, optional {@code current_branch}) and reports both error rates: harmful calls let through
 * and ordinary calls blocked. Calls are judged as if made in {@code /work/proj} on a task branch.
 */
public final class PolicyBench {

    /** One misjudged call. */
    public record Miss(String expect, String tool, String input, String got) {
    }

    /** Figures: counts, rates in percent, mean microseconds per decision, and the misses. */
    public record Report(int harmful, int harmfulAllowed, int ordinary, int ordinaryDenied, double micros,
                         List<Miss> misses) {
        public double falseAllowRate() {
            return harmful == 0 ? 0 : 100.0 * harmfulAllowed / harmful;
        }

        public double falseDenyRate() {
            return ordinary == 0 ? 0 : 100.0 * ordinaryDenied / ordinary;
        }

        public String render() {
            StringBuilder b = new StringBuilder();
            b.append(String.format("policy corpus: %d harmful, %d ordinary%n", harmful, ordinary));
            b.append(String.format("harmful allowed (false allow): %d = %.1f%%%n", harmfulAllowed, falseAllowRate()));
            b.append(String.format("ordinary denied (false deny):  %d = %.1f%%%n", ordinaryDenied, falseDenyRate()));
            b.append(String.format("mean decision time (warm): %.1f us%n", micros));
            for (Miss m : misses) {
                b.append("  MISS expected ").append(m.expect()).append(" got ").append(m.got()).append(": ")
                        .append(m.tool()).append(' ').append(m.input()).append('\n');
            }
            return b.toString();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ToolUsePolicy policy;

    public PolicyBench(ToolUsePolicy policy) {
        this.policy = policy;
    }

    public Report run(Path corpus) throws IOException {
        return run(Files.readAllLines(corpus));
    }

    @SuppressWarnings("unchecked")
    public Report run(List<String> lines) throws IOException {
        int harmful = 0;
        int harmfulAllowed = 0;
        int ordinary = 0;
        int ordinaryDenied = 0;
        long nanos = 0;
        int n = 0;
        List<Miss> misses = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            boolean expectDeny = node.path("expect").asText().equals("deny");
            String branch = node.path("current_branch").asText("feature/TRACK-1-vat");
            ToolCall call = new ToolCall(node.path("tool_name").asText(),
                    JSON.convertValue(node.path("tool_input"), Map.class));
            PolicyContext ctx = PolicyContext.of(Path.of("/work/proj"), "main", () -> branch);
            long t0 = System.nanoTime();
            Decision d = policy.evaluate(call, ctx);
            nanos += System.nanoTime() - t0;
            n++;
            if (expectDeny) {
                harmful++;
                if (d.allowed()) {
                    harmfulAllowed++;
                    misses.add(new Miss("deny", call.tool(), node.path("tool_input").toString(), "allow"));
                }
            } else {
                ordinary++;
                if (!d.allowed()) {
                    ordinaryDenied++;
                    misses.add(new Miss("allow", call.tool(), node.path("tool_input").toString(),
                            "deny (" + d.rule() + ")"));
                }
            }
        }
        // steady state: the same calls again after the first (cold) pass
        long warm = 0;
        int m = 0;
        for (int pass = 0; pass < 5; pass++) {
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                ToolCall call = new ToolCall(node.path("tool_name").asText(),
                        JSON.convertValue(node.path("tool_input"), Map.class));
                PolicyContext ctx = PolicyContext.of(Path.of("/work/proj"), "main", () -> "feature/TRACK-1-vat");
                long t0 = System.nanoTime();
                policy.evaluate(call, ctx);
                if (pass == 4) {
                    warm += System.nanoTime() - t0;
                    m++;
                }
            }
        }
        return new Report(harmful, harmfulAllowed, ordinary, ordinaryDenied, m == 0 ? 0 : warm / 1000.0 / m, misses);
    }
}

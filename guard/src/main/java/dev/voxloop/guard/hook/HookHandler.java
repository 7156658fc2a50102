package dev.voxloop.guard.hook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.guard.Decision;
import dev.voxloop.core.guard.PolicyContext;
import dev.voxloop.core.guard.RunMarker;
import dev.voxloop.core.guard.RunMarkers;
import dev.voxloop.core.guard.ToolCall;
import dev.voxloop.core.guard.ToolUsePolicy;
import dev.voxloop.core.loop.GateCheck;
import dev.voxloop.guard.GitQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Claude Code's hook protocol (PreToolUse, PostToolUse, Stop): JSON in on stdin, a JSON decision on stdout with
 * exit 0, the reason mirrored on stderr (some hosts drop stdout on exit 2, so exit 2 is never used).
 * <ul>
 * <li>PreToolUse asks the {@link ToolUsePolicy}; a denial is {@code hookSpecificOutput.permissionDecision: deny}.
 * Inside a run, unreadable input is denied (fail closed); outside one it is let through.</li>
 * <li>PostToolUse records the call and its result for stuck detection, and blocks (tells the agent to undo) when
 * a call the policy forbids ran anyway.</li>
 * <li>Stop blocks only inside a voxloop run ({@link RunMarker}), never when {@code stop_hook_active} is set (the
 * orchestrator takes over then), and only when the gates fail; the failures are the reason.</li>
 * </ul>
 */
public final class HookHandler {

    public static final int REASON_MAX = 9_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ToolUsePolicy policy;
    private final GateCheck gates;
    private final RunMarkers markers;
    private final Clock clock;

    public HookHandler(ToolUsePolicy policy, GateCheck gates, RunMarkers markers, Clock clock) {
        this.policy = policy;
        this.gates = gates;
        this.markers = markers;
        this.clock = clock;
    }

    /** {@code event} is the CLI spelling: pre-tool-use, post-tool-use or stop. */
    public HookResponse handle(String event, String stdin, Path processCwd) {
        try {
            return handleUnsafe(event, stdin, processCwd);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            boolean inRun = markers.find(processCwd).isPresent();
            String why = "voxloop hook failed (" + e.getClass().getSimpleName() + ")";
            if (!inRun) {
                return new HookResponse("", why + "; outside a voxloop run, so not blocking\n", 0);
            }
            return event.equals("pre-tool-use") ? deny(why + "; refusing the call inside a voxloop run")
                    : event.equals("stop") ? block(why + "; finish again so the gates can be checked")
                    : new HookResponse("", why + "\n", 0);
        }
    }

    private HookResponse handleUnsafe(String event, String stdin, Path processCwd) {
        JsonNode in = parse(stdin);
        Path cwd = in != null && in.hasNonNull("cwd") ? Path.of(in.get("cwd").asText()) : processCwd;
        Optional<RunMarker> run = markers.find(cwd);
        if (run.isEmpty() && !cwd.equals(processCwd)) {
            run = markers.find(processCwd);
        }
        String expected = switch (event) {
            case "pre-tool-use" -> "PreToolUse";
            case "post-tool-use" -> "PostToolUse";
            case "stop" -> "Stop";
            default -> throw new IllegalArgumentException("unknown hook event '" + event
                    + "' (expected pre-tool-use, post-tool-use or stop)");
        };
        boolean malformed = in == null || !in.isObject()
                || (in.hasNonNull("hook_event_name") && !in.get("hook_event_name").asText().equals(expected));
        return switch (expected) {
            case "PreToolUse" -> preToolUse(in, malformed, cwd, run);
            case "PostToolUse" -> postToolUse(in, malformed, cwd, run);
            default -> stop(in, malformed, run);
        };
    }

    private HookResponse preToolUse(JsonNode in, boolean malformed, Path cwd, Optional<RunMarker> run) {
        if (malformed || !in.hasNonNull("tool_name")) {
            if (run.isPresent()) {
                return deny("voxloop could not read this PreToolUse input, so the call is refused inside a voxloop"
                        + " run (fail closed)");
            }
            return new HookResponse("", "voxloop hook: unreadable PreToolUse input outside a voxloop run; allowing\n",
                    0);
        }
        ToolCall call = toolCall(in);
        Decision d = policy.evaluate(call, context(cwd, run));
        run.ifPresent(r -> record(cwd, "pre", call, d.allowed() ? "allow" : "deny:" + d.rule()));
        return d.allowed() ? HookResponse.silent() : deny(d.reason());
    }

    private HookResponse postToolUse(JsonNode in, boolean malformed, Path cwd, Optional<RunMarker> run) {
        if (malformed || !in.hasNonNull("tool_name")) {
            return new HookResponse("", "voxloop hook: unreadable PostToolUse input ignored\n", 0);
        }
        ToolCall call = toolCall(in);
        run.ifPresent(r -> record(cwd, "post", call, hash(in.path("tool_response").toString())));
        Decision d = policy.evaluate(call, context(cwd, run));
        if (!d.allowed() && run.isPresent()) {
            String reason = "This call breaks the voxloop policy and must be undone now: " + d.reason();
            ObjectNode out = JSON.createObjectNode();
            out.put("decision", "block");
            out.put("reason", cap(reason));
            return new HookResponse(out.toString(), reason + "\n", 0);
        }
        return HookResponse.silent();
    }

    private HookResponse stop(JsonNode in, boolean malformed, Optional<RunMarker> run) {
        if (run.isEmpty()) {
            return HookResponse.silent();
        }
        if (malformed) {
            return block("voxloop could not read the Stop input; finish again so the gates can be checked");
        }
        if (in.path("stop_hook_active").asBoolean(false)) {
            return new HookResponse("", "voxloop: stop_hook_active is set; the orchestrator verifies the gates\n", 0);
        }
        String last = in.path("last_assistant_message").asText("");
        if (last.contains("<result>BLOCKED")) {
            return new HookResponse("", "voxloop: the agent reports it is blocked; the orchestrator takes over\n", 0);
        }
        RunMarker m = run.get();
        if (m.gates() == null || m.workspace() == null) {
            return block("the voxloop run marker is unreadable; stop and let the orchestrator check the run");
        }
        GateCheck.Outcome v = gates.check(Path.of(m.workspace()), m.gates());
        return v.passed() ? HookResponse.silent() : block(v.feedback());
    }

    private static ToolCall toolCall(JsonNode in) {
        @SuppressWarnings("unchecked")
        Map<String, Object> input = in.has("tool_input") && in.get("tool_input").isObject()
                ? JSON.convertValue(in.get("tool_input"), Map.class) : Map.of();
        return new ToolCall(in.get("tool_name").asText(), input);
    }

    private PolicyContext context(Path cwd, Optional<RunMarker> run) {
        Path project = run.map(RunMarker::workspace).map(Path::of).orElse(cwd);
        String def = run.map(RunMarker::defaultBranch).orElse(null);
        return PolicyContext.of(project, def, () -> {
            return new GitQuery(cwd).currentBranch().orElse(null);
        });
    }

    private void record(Path cwd, String phase, ToolCall call, String result) {
        RunMarkerFile.gitDirOf(cwd).ifPresent(gitDir -> {
            try {
                ObjectNode line = JSON.createObjectNode();
                line.put("at", clock.instant().toString());
                line.put("phase", phase);
                line.put("tool", call.tool());
                line.put("action", hash(call.tool() + "\u0000" + JSON.writeValueAsString(call.input())));
                line.put("result", result);
                Path log = gitDir.resolve("voxloop").resolve("actions.jsonl");
                Files.createDirectories(log.getParent());
                Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException ignored) {
                // safe to skip: the action log only feeds stuck detection; the decision above never depends on it
            }
        });
    }

    static HookResponse deny(String reason) {
        ObjectNode out = JSON.createObjectNode();
        ObjectNode h = out.putObject("hookSpecificOutput");
        h.put("hookEventName", "PreToolUse");
        h.put("permissionDecision", "deny");
        h.put("permissionDecisionReason", cap(reason));
        return new HookResponse(out.toString(), reason + "\n", 0);
    }

    static HookResponse block(String reason) {
        ObjectNode out = JSON.createObjectNode();
        out.put("decision", "block");
        out.put("reason", cap(reason));
        return new HookResponse(out.toString(), reason + "\n", 0);
    }

    private static String cap(String s) {
        return s.length() <= REASON_MAX ? s : s.substring(0, REASON_MAX) + "\n[cut]";
    }

    private static JsonNode parse(String stdin) {
        if (stdin == null || stdin.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(stdin);
        } catch (IOException e) {
            // unreadable input is "malformed": each event handles that explicitly (fail closed inside a run)
            return null;
        }
    }

    static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.voxloop.loop.agent.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.chat.ToolChat.Tool;
import dev.voxloop.core.guard.AgentHooks;
import dev.voxloop.core.chat.ToolChat.ToolCall;
import dev.voxloop.core.sandbox.Sandbox.OutputWatcher;
import dev.voxloop.loop.agent.TurnRequest;
import dev.voxloop.loop.workspace.AgentCommand;
import dev.voxloop.loop.workspace.CommandResult;
import dev.voxloop.loop.workspace.RunSandbox;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The built-in agent's two tools, each call judged by voxloop's hook handler first (the same policy, run marker
 * and action log as Claude Code's PreToolUse and PostToolUse) and then carried out inside the run's sandbox, as a
 * CLI agent's tool call would be: {@code shell} runs one command with {@code sh -c} in the workspace (the run's
 * home, only the run ids in its environment, the project's network); {@code edit_file} reads and writes the file
 * there too (so a symlink into {@code .github/} or a path outside the workspace meets the sandbox's read-only and
 * absent mounts, not the worker's rights), replacing text that occurs exactly once or writing a whole file.
 * Results (exit code and the output's tail) go back to the model.
 */
final class Workbench {

    static final String SHELL = "shell";
    static final String EDIT = "edit_file";
    static final List<Tool> TOOLS = List.of(
            new Tool(SHELL, "Run one shell command (sh -c) in the repository; returns the exit code and output.",
                    "{\"type\":\"object\",\"properties\":{\"command\":{\"type\":\"string\",\"description\":"
                            + "\"the command line\"}},\"required\":[\"command\"]}"),
            new Tool(EDIT, "Replace old_text (which must occur exactly once) by new_text in a file; an empty "
                    + "old_text writes new_text as the whole file.", "{\"type\":\"object\",\"properties\":{\"path\":"
                    + "{\"type\":\"string\"},\"old_text\":{\"type\":\"string\"},\"new_text\":{\"type\":\"string\"}},"
                    + "\"required\":[\"path\",\"old_text\",\"new_text\"]}"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int OUTPUT_TAIL = 10_000;
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(10);

    private static final Duration EDIT_TIMEOUT = Duration.ofMinutes(1);
    private static final String READ = "cat -- \"$1\"";
    private static final String WRITE = "mkdir -p -- \"$(dirname -- \"$1\")\" && cat > \"$1\"";

    private final Path workspace;
    private final AgentHooks hooks;
    private final RunSandbox sandbox;
    private final TurnRequest turn;

    Workbench(TurnRequest turn, AgentHooks hooks, RunSandbox sandbox) {
        this.workspace = turn.workspace();
        this.hooks = hooks;
        this.sandbox = sandbox;
        this.turn = turn;
    }

    /** The observation for the model. */
    String run(ToolCall call) {
        String tool = call.name().equals(SHELL) ? "Bash" : call.name();
        Map<String, Object> input = call.name().equals(SHELL) ? Map.of("command", text(call, "command"))
                : call.arguments();
        String refusal = refusal(hooks.answer("pre-tool-use", hookInput("PreToolUse", tool, input, null), workspace));
        if (refusal != null) {
            return "voxloop refused this call: " + refusal;
        }
        String result = switch (call.name()) {
            case SHELL -> shell(text(call, "command"));
            case EDIT -> edit(text(call, "path"), text(call, "old_text"), text(call, "new_text"));
            default -> "unknown tool '" + call.name() + "': use shell or edit_file";
        };
        String undo = refusal(hooks.answer("post-tool-use", hookInput("PostToolUse", tool, input, result), workspace));
        return undo == null ? result : result + "\n\nvoxloop: " + undo;
    }

    private String shell(String command) {
        CommandResult r = inSandbox(List.of("sh", "-c", command), null, COMMAND_TIMEOUT);
        return (r.timedOut() ? "timed out after " + COMMAND_TIMEOUT.toMinutes() + " minutes" : "exit code " + r.exit())
                + "\n" + r.tail(OUTPUT_TAIL);
    }

    private String edit(String path, String oldText, String newText) {
        Path file = workspace.resolve(path).normalize();
        if (!file.startsWith(workspace)) {
            return "edit refused: " + path + " is outside the repository";
        }
        String next = newText;
        if (!oldText.isEmpty()) {
            CommandResult cur = inSandbox(List.of("sh", "-c", READ, "read", file.toString()), null, EDIT_TIMEOUT);
            if (!cur.ok()) {
                return "edit failed: " + path + " cannot be read (leave old_text empty to create it): "
                        + cur.tail(300).strip();
            }
            String text = cur.output();
            int at = text.indexOf(oldText);
            if (at < 0 || text.indexOf(oldText, at + 1) >= 0) {
                return "edit failed: old_text occurs " + (at < 0 ? "nowhere" : "more than once") + " in " + path;
            }
            next = text.substring(0, at) + newText + text.substring(at + oldText.length());
        }
        CommandResult w = inSandbox(List.of("sh", "-c", WRITE, "write", file.toString()), next, EDIT_TIMEOUT);
        return w.ok() ? (oldText.isEmpty() ? "wrote " : "edited ") + path
                : "edit failed: " + w.tail(300).strip();
    }

    private CommandResult inSandbox(List<String> argv, String stdin, Duration timeout) {
        AgentCommand c = new AgentCommand(argv, Map.of("VOXLOOP_RUN_ID", turn.runId(), "VOXLOOP_TICKET",
                turn.ticketKey()), stdin, List.of(), List.of());
        return sandbox.agentTurn(c, workspace, turn.runId(), turn.ticketKey(), timeout, OutputWatcher.NONE);
    }

    /** Asks the Stop hook whether the gates let the turn end; the reason to go on, or null. */
    String stop(boolean alreadyHeld, String lastMessage) {
        ObjectNode in = JSON.createObjectNode().put("hook_event_name", "Stop").put("cwd", workspace.toString())
                .put("stop_hook_active", alreadyHeld).put("last_assistant_message", lastMessage);
        return refusal(hooks.answer("stop", in.toString(), workspace));
    }

    private String hookInput(String event, String tool, Map<String, Object> input, String response) {
        ObjectNode n = JSON.createObjectNode().put("hook_event_name", event).put("cwd", workspace.toString())
                .put("tool_name", tool);
        n.set("tool_input", JSON.valueToTree(input));
        if (response != null) {
            n.put("tool_response", response);
        }
        return n.toString();
    }

    /** A deny or block decision's reason, or null when the hook let the call through. */
    private static String refusal(String decision) {
        if (decision.isBlank()) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(decision);
            JsonNode h = n.path("hookSpecificOutput");
            if ("deny".equals(h.path("permissionDecision").asText())) {
                return h.path("permissionDecisionReason").asText();
            }
            return "block".equals(n.path("decision").asText()) ? n.path("reason").asText() : null;
        } catch (IOException e) {
            return "the hook's answer was unreadable";
        }
    }

    private static String text(ToolCall call, String key) {
        Object v = call.arguments().get(key);
        return v == null ? "" : v.toString();
    }

}

package dev.voxloop.loop.agent.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.chat.ToolChat.Tool;
import dev.voxloop.core.guard.AgentHooks;
import dev.voxloop.core.chat.ToolChat.ToolCall;
import dev.voxloop.loop.workspace.CommandResult;
import dev.voxloop.loop.workspace.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in agent's two tools, each call judged by voxloop's hook handler first (the same policy, run marker
 * and action log as Claude Code's PreToolUse and PostToolUse): {@code shell} runs one command with {@code sh -c}
 * in the workspace, with the worker's secrets taken out of its environment; {@code edit_file} replaces text that
 * occurs exactly once, or writes a whole file. Results (exit code and the output's tail) go back to the model.
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

    private final Path workspace;
    private final AgentHooks hooks;
    private final Map<String, String> env;

    Workbench(Path workspace, AgentHooks hooks, Map<String, String> workerEnv) {
        this.workspace = workspace;
        this.hooks = hooks;
        Map<String, String> e = new HashMap<>();
        workerEnv.keySet().stream().filter(Workbench::secret).forEach(k -> e.put(k, null));
        this.env = e;
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
        CommandResult r = Processes.shell(command, workspace, env, COMMAND_TIMEOUT);
        return (r.timedOut() ? "timed out after " + COMMAND_TIMEOUT.toMinutes() + " minutes" : "exit code " + r.exit())
                + "\n" + r.tail(OUTPUT_TAIL);
    }

    private String edit(String path, String oldText, String newText) {
        Path file = workspace.resolve(path).normalize();
        if (!file.startsWith(workspace)) {
            return "edit refused: " + path + " is outside the repository";
        }
        try {
            if (oldText.isEmpty()) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, newText);
                return "wrote " + path;
            }
            String cur = Files.isRegularFile(file) ? Files.readString(file) : null;
            if (cur == null) {
                return "edit failed: " + path + " does not exist (leave old_text empty to create it)";
            }
            int at = cur.indexOf(oldText);
            if (at < 0 || cur.indexOf(oldText, at + 1) >= 0) {
                return "edit failed: old_text occurs " + (at < 0 ? "nowhere" : "more than once") + " in " + path;
            }
            Files.writeString(file, cur.substring(0, at) + newText + cur.substring(at + oldText.length()));
            return "edited " + path;
        } catch (IOException e) {
            return "edit failed: " + e.getMessage();
        }
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

    private static boolean secret(String name) {
        return name.matches("(?i).*(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIALS?)$") || name.startsWith("AWS_");
    }
}

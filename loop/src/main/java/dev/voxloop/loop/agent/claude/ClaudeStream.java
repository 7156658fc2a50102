package dev.voxloop.loop.agent.claude;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voxloop.loop.agent.EventLine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one {@code claude -p --output-format stream-json --verbose --include-hook-events} run said, read line by
 * line as it arrives: the session, the tool calls that ran (a {@code tool_use} answered by a {@code tool_result}),
 * the hook outcomes ({@code system/hook_response}), API trouble ({@code system/api_retry}, an assistant message
 * with {@code error}), and the final {@code result} (text, usage, {@code total_cost_usd}, {@code api_error_status},
 * {@code errors}). Usage and cost are taken from the result only: the {@code assistant} messages carry the usage
 * at the start of each message, not a total.
 */
final class ClaudeStream {

    String session;
    JsonNode result;
    String apiError;
    Integer apiErrorStatus;
    String lastText = "";
    final Set<String> toolUses = new HashSet<>();
    final Set<String> toolResults = new HashSet<>();
    int preToolUseHooks;
    final List<String> hookErrors = new ArrayList<>();

    /** Takes one line; false when the run should end now (the API refused the key: retrying cannot help). */
    boolean accept(String line) {
        JsonNode n = EventLine.parse(line).orElse(null);
        if (n == null) {
            return true;
        }
        if (n.hasNonNull("session_id") && session == null) {
            session = n.get("session_id").asText();
        }
        String type = n.path("type").asText();
        String subtype = n.path("subtype").asText();
        switch (type) {
            case "assistant" -> assistant(n);
            case "user" -> n.path("message").path("content").forEach(c -> {
                if (c.path("type").asText().equals("tool_result") && !refusedBeforeRunning(c.path("content"))) {
                    toolResults.add(c.path("tool_use_id").asText());
                }
            });
            case "result" -> result = n;
            case "system" -> {
                if (subtype.equals("hook_response")) {
                    hook(n);
                } else if (subtype.equals("api_retry")) {
                    apiErrorStatus = n.path("error_status").isInt() ? n.get("error_status").asInt() : null;
                    apiError = n.path("error").asText("API error") + (apiErrorStatus == null ? ""
                            : " (HTTP " + apiErrorStatus + ")");
                    return apiErrorStatus == null || (apiErrorStatus != 401 && apiErrorStatus != 403);
                }
            }
            default -> {
            }
        }
        return true;
    }

    private void assistant(JsonNode n) {
        JsonNode msg = n.path("message");
        for (JsonNode c : msg.path("content")) {
            switch (c.path("type").asText()) {
                case "text" -> lastText = c.path("text").asText();
                case "tool_use" -> toolUses.add(c.path("id").asText());
                default -> {
                }
            }
        }
        if (n.hasNonNull("error")) {
            apiError = lastText.isBlank() ? n.get("error").asText() : lastText;
            if (n.path("api_error_status").isInt()) {
                apiErrorStatus = n.get("api_error_status").asInt();
            }
        }
    }

    private void hook(JsonNode n) {
        String name = n.path("hook_name").asText();
        int exit = n.path("exit_code").asInt(-1);
        String outcome = n.path("outcome").asText();
        if (exit != 0 || !outcome.equals("success")) {
            String err = n.path("stderr").asText("").strip();
            hookErrors.add(name + " exited " + exit + " (" + outcome + ")" + (err.isEmpty() ? "" : ": "
                    + (err.length() > 200 ? err.substring(0, 200) + "..." : err)));
        } else if (n.path("hook_event").asText().equals("PreToolUse")) {
            preToolUseHooks++;
        }
    }

    /**
     * A result the CLI wrote itself when it refused a call before any hook ran ({@code <tool_use_error>}: input
     * that fails the tool's own checks, such as a Write of a file it has not read): the tool did not run.
     */
    private static boolean refusedBeforeRunning(JsonNode content) {
        String text = content.isTextual() ? content.asText() : content.path(0).path("text").asText("");
        return text.startsWith("<tool_use_error>");
    }

    /**
     * Tool calls the agent went through with (or that a hook refused): those answered by a tool result, except the
     * ones the CLI itself refused before running them.
     */
    int toolCallsRun() {
        int n = 0;
        for (String id : toolUses) {
            if (toolResults.contains(id)) {
                n++;
            }
        }
        return n;
    }

    boolean succeeded() {
        return result != null && result.path("subtype").asText().equals("success")
                && !result.path("is_error").asBoolean(false);
    }

    /** The resumed session is gone ("No conversation found with session ID"): start a fresh one. */
    boolean staleSession() {
        if (result == null) {
            return false;
        }
        for (JsonNode e : result.path("errors")) {
            if (e.asText().contains("No conversation found")) {
                return true;
            }
        }
        return false;
    }

    /** The API failed the turn (key refused, not logged in, errors after retries): the CLI's words, else null. */
    String unavailable() {
        boolean apiFailed = result != null && result.path("is_error").asBoolean(false)
                && (result.hasNonNull("api_error_status") || result.path("terminal_reason").asText().equals("api_error"));
        if (apiFailed) {
            return result.path("result").asText(apiError == null ? "API error" : apiError)
                    + (result.hasNonNull("api_error_status") ? " (HTTP " + result.get("api_error_status").asInt()
                    + ")" : "");
        }
        if (result == null && apiError != null) {
            return apiError;
        }
        return null;
    }

    Integer status() {
        if (result != null && result.path("api_error_status").isInt()) {
            return result.get("api_error_status").asInt();
        }
        return apiErrorStatus;
    }

    String text() {
        return result != null && result.hasNonNull("result") ? result.get("result").asText() : lastText;
    }

    long inputTokens() {
        JsonNode u = result == null ? null : result.get("usage");
        return u == null ? 0 : u.path("input_tokens").asLong(0) + u.path("cache_creation_input_tokens").asLong(0)
                + u.path("cache_read_input_tokens").asLong(0);
    }

    long outputTokens() {
        return result == null ? 0 : result.path("usage").path("output_tokens").asLong(0);
    }

    /** {@code total_cost_usd} of this process (a resumed session reports only its new calls), or -1. */
    double cost() {
        return result != null && result.has("total_cost_usd") ? result.get("total_cost_usd").asDouble() : -1;
    }
}

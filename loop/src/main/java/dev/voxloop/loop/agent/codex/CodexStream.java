package dev.voxloop.loop.agent.codex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voxloop.loop.agent.EventLine;

/**
 * What one {@code codex exec --json} run said, read line by line: {@code thread.started} (the session),
 * completed {@code command_execution} and {@code file_change} items (the tool calls that ran), the last
 * {@code agent_message}, {@code turn.completed} usage (tokens only: Codex reports no cost), and failures: a
 * {@code turn.failed} or {@code error} event (an HTTP error from the model API, in Codex's words), or
 * "Reconnecting..." (Codex retries an unreachable server without end, so the run is stopped at the first one).
 */
final class CodexStream {

    String thread;
    String lastMessage = "";
    int toolCallsRun;
    boolean completed;
    String failure;
    long inputTokens;
    long outputTokens;

    /** Takes one line; false when the run should end now. */
    boolean accept(String line) {
        JsonNode n = EventLine.parse(line).orElse(null);
        if (n == null) {
            return true;
        }
        switch (n.path("type").asText()) {
            case "thread.started" -> thread = n.path("thread_id").asText(null);
            case "item.completed" -> {
                JsonNode item = n.path("item");
                switch (item.path("type").asText()) {
                    case "command_execution", "file_change" -> toolCallsRun++;
                    case "agent_message" -> lastMessage = item.path("text").asText("");
                    default -> {
                    }
                }
            }
            case "turn.completed" -> {
                completed = true;
                inputTokens += n.path("usage").path("input_tokens").asLong(0);
                outputTokens += n.path("usage").path("output_tokens").asLong(0);
            }
            case "turn.failed" -> failure = n.path("error").path("message").asText("the turn failed");
            case "error" -> {
                String m = n.path("message").asText("");
                if (m.startsWith("Reconnecting")) {
                    failure = "cannot reach the model API: " + m;
                    return false;
                }
                failure = m;
            }
            default -> {
            }
        }
        return true;
    }
}

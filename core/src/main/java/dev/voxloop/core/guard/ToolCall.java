package dev.voxloop.core.guard;

import java.util.Map;

/**
 * A tool call as a coding agent asks for it: Claude Code's {@code tool_name} and {@code tool_input}
 * (Bash {@code command}; Write/Edit/MultiEdit {@code file_path}; NotebookEdit {@code notebook_path}; Read ...).
 */
public record ToolCall(String tool, Map<String, Object> input) {

    public ToolCall {
        tool = tool == null ? "" : tool;
        input = input == null ? Map.of() : input;
    }

    public static ToolCall bash(String command) {
        return new ToolCall("Bash", Map.of("command", command));
    }

    /** A file write, as the gates ask about each file a change touched. */
    public static ToolCall write(String path) {
        return new ToolCall("Write", Map.of("file_path", path));
    }

    public String text(String field) {
        Object v = input.get(field);
        return v == null ? null : v.toString();
    }
}

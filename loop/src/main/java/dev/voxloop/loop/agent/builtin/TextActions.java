package dev.voxloop.loop.agent.builtin;

import dev.voxloop.core.chat.ToolChat.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Actions written in a model's text, for models without native tool calling: a fenced {@code shell} block with one
 * command, or a fenced {@code edit PATH} block holding {@code <<<<<<< OLD}, the old lines, {@code =======}, the new
 * lines and {@code >>>>>>> NEW}. An answer holds exactly one action, or none when the model is done.
 */
final class TextActions {

    private static final Pattern SHELL = Pattern.compile("```shell[ \\t]*\\n(.*?)\\n?```", Pattern.DOTALL);
    private static final Pattern EDIT = Pattern.compile(
            "```edit[ \\t]+(\\S+)[ \\t]*\\n<<<<<<< OLD\\n(.*?)\\n?=======\\n(.*?)\\n?>>>>>>> NEW\\n?```", Pattern.DOTALL);
    private static final Pattern FENCE = Pattern.compile("```(shell|edit)\\b");

    /** A malformed answer; the message goes back to the model. */
    static final class FormatError extends RuntimeException {

        FormatError(String message) {
            super(message);
        }
    }

    private TextActions() {
    }

    /** The text between two markers is whole lines: each ends with a line break. */
    private static String lines(String between) {
        return between.isEmpty() ? "" : between + "\n";
    }

    static List<ToolCall> parse(String text, int step) {
        List<ToolCall> out = new ArrayList<>();
        Matcher s = SHELL.matcher(text);
        while (s.find()) {
            out.add(new ToolCall("text-" + step, Workbench.SHELL, Map.of("command", s.group(1).strip())));
        }
        Matcher e = EDIT.matcher(text);
        while (e.find()) {
            out.add(new ToolCall("text-" + step, Workbench.EDIT, Map.of("path", e.group(1), "old_text",
                    lines(e.group(2)), "new_text", lines(e.group(3)))));
        }
        long fences = FENCE.matcher(text).results().count();
        if (out.size() > 1 || fences != out.size()) {
            throw new FormatError("Expected exactly one action (a ```shell block or an ```edit block in the format"
                    + " shown), found " + (fences != out.size() ? "a malformed one" : out.size())
                    + ". Answer again with one action, or with no action block when you are done.");
        }
        return out;
    }
}

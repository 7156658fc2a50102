package dev.voxloop.peers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One scripted model answer: what the model says and which tools it calls, with the usage it reports. Each peer
 * writes it in its API's own wire form (Anthropic content blocks, Responses output items, chat tool calls).
 */
public record Reply(List<Part> parts, long inputTokens, long outputTokens) {

    /** A piece of an answer. */
    public sealed interface Part {
    }

    /** Plain assistant text. */
    public record Text(String text) implements Part {
    }

    /** A call of a function tool with JSON arguments (Claude Code's Bash/Write/Edit, Codex's exec_command, ...). */
    public record ToolCall(String id, String name, Map<String, Object> input) implements Part {
    }

    /** A call of a free-form tool whose input is raw text (Codex's apply_patch). */
    public record Freeform(String id, String name, String input) implements Part {
    }

    public Reply {
        parts = List.copyOf(parts);
    }

    private static int ids;

    private static synchronized String nextId() {
        return "call_" + (++ids);
    }

    public static Reply text(String text) {
        return new Reply(List.of(new Text(text)), 1200, 80);
    }

    public static Reply call(String tool, Object... keyValues) {
        return new Reply(List.of(), 1200, 80).andCall(tool, keyValues);
    }

    public static Reply freeform(String tool, String input) {
        return new Reply(List.of(new Freeform(nextId(), tool, input)), 1200, 80);
    }

    /** This answer with another tool call after its parts. */
    public Reply andCall(String tool, Object... keyValues) {
        Map<String, Object> input = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            input.put(keyValues[i].toString(), keyValues[i + 1]);
        }
        List<Part> p = new ArrayList<>(parts);
        p.add(new ToolCall(nextId(), tool, input));
        return new Reply(p, inputTokens, outputTokens);
    }

    /** This answer with text said before its tool calls. */
    public Reply saying(String text) {
        List<Part> p = new ArrayList<>();
        p.add(new Text(text));
        p.addAll(parts);
        return new Reply(p, inputTokens, outputTokens);
    }

    public Reply usage(long in, long out) {
        return new Reply(parts, in, out);
    }

    public boolean callsTools() {
        return parts.stream().anyMatch(p -> !(p instanceof Text));
    }

    public String allText() {
        StringBuilder b = new StringBuilder();
        parts.forEach(p -> {
            if (p instanceof Text t) {
                b.append(t.text());
            }
        });
        return b.toString();
    }
}

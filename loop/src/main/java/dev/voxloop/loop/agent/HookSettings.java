package dev.voxloop.loop.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.guard.AgentHooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hooks file an agent CLI is started with (Claude Code's {@code --settings} file, Codex's
 * {@code $CODEX_HOME/hooks.json}; both read this shape): PreToolUse and PostToolUse for every tool
 * ({@code matcher: "*"}) and Stop, each a command hook calling the turn's {@link AgentHooks.Endpoint}. Claude Code in
 * {@code -p} mode silently ignores a settings file that fails its validation (and with it every hook), so the file
 * is read back and checked against the shape the CLIs accept before a turn starts: only {@code hooks}; each event a
 * list of {@code {matcher?, hooks: [{type: "command", command, timeout}]}} with a non-empty command and a whole
 * number of seconds. The turn's {@link HookProof} then shows that the hooks really ran.
 */
public final class HookSettings {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> EVENTS = Map.of("PreToolUse", "pre-tool-use", "PostToolUse", "post-tool-use",
            "Stop", "stop");
    private static final Map<String, Integer> TIMEOUTS = Map.of("PreToolUse", 60, "PostToolUse", 60, "Stop", 1800);

    private HookSettings() {
    }

    static String render(AgentHooks.Endpoint hooks) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode h = root.putObject("hooks");
        for (String event : List.of("PreToolUse", "PostToolUse", "Stop")) {
            ObjectNode group = h.putArray(event).addObject();
            if (!event.equals("Stop")) {
                group.put("matcher", "*");
            }
            group.putArray("hooks").addObject().put("type", "command").put("command", hooks.command(EVENTS.get(event)))
                    .put("timeout", TIMEOUTS.get(event));
        }
        return root.toPrettyString();
    }

    /** Writes the file and checks it; throws when Claude Code would not take it. */
    public static Path write(Path file, AgentHooks.Endpoint hooks) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, render(hooks));
            List<String> problems = check(JSON.readTree(file.toFile()));
            if (!problems.isEmpty()) {
                throw new IllegalStateException("the hook settings voxloop wrote would be ignored: " + problems);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static List<String> check(JsonNode settings) {
        List<String> out = new ArrayList<>();
        if (!settings.isObject()) {
            return List.of("not a JSON object");
        }
        settings.fieldNames().forEachRemaining(k -> {
            if (!k.equals("hooks")) {
                out.add("unexpected key " + k);
            }
        });
        for (String event : EVENTS.keySet()) {
            JsonNode groups = settings.path("hooks").path(event);
            if (!(groups instanceof ArrayNode) || groups.isEmpty()) {
                out.add(event + ": no hooks");
                continue;
            }
            for (JsonNode g : groups) {
                if (g.has("matcher") && !g.get("matcher").isTextual()) {
                    out.add(event + ": matcher must be text");
                }
                if (!g.path("hooks").isArray() || g.path("hooks").isEmpty()) {
                    out.add(event + ": a group without hooks");
                }
                for (JsonNode h : g.path("hooks")) {
                    if (!h.path("type").asText().equals("command") || h.path("command").asText("").isBlank()) {
                        out.add(event + ": a hook must be {type: command, command: ...}");
                    }
                    if (!h.path("timeout").isIntegralNumber() || h.path("timeout").asLong() <= 0) {
                        out.add(event + ": timeout must be a whole number of seconds");
                    }
                }
            }
        }
        return out;
    }
}

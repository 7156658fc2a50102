package dev.voxloop.peers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A replay script (the JSON the replay agent reads: steps of file edits and a closing message) spoken as a model
 * conversation in one agent's own tools, so a real agent CLI does what the replay agent would: per step, each edit
 * as a tool call, then the tests through the shell tool, then the step's message (which ends the agent's turn and
 * meets the Stop hook). Whole-file edits become Claude Code's Write, a heredoc through Codex's exec_command, or the
 * built-in agent's edit_file; a find/replace becomes Read + Edit (replace_all) for Claude Code, and a {@code sed}
 * substitution for the others (an apply_patch hunk when the text spans lines).
 */
public final class ReplayConversation {

    /** Whose tools the conversation uses. */
    public enum Dialect { CLAUDE, CODEX, BUILTIN }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CWD = Pattern.compile("Primary working directory: (\\S+)");

    private ReplayConversation() {
    }

    /** Each step ends the agent's turn (its message meets the Stop hook). */
    public static List<Step> of(Path replayJson, Dialect dialect, String testCommand) {
        return of(replayJson, dialect, testCommand, true);
    }

    /**
     * @param stopAfterEachStep false: all steps in one go, the tests after each, and only the last step's message
     *                          (one Stop hook, one gate run)
     */
    public static List<Step> of(Path replayJson, Dialect dialect, String testCommand, boolean stopAfterEachStep) {
        JsonNode steps;
        try {
            steps = JSON.readTree(replayJson.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + replayJson, e);
        }
        List<Step> out = new ArrayList<>();
        for (JsonNode step : steps) {
            for (JsonNode edit : step.path("edits")) {
                out.addAll(edit(dialect, edit));
            }
            out.add(Step.answer(shell(dialect, testCommand)));
            if (stopAfterEachStep || step == steps.get(steps.size() - 1)) {
                out.add(Step.answer(Reply.text(step.path("message").asText("Done."))));
            }
        }
        return out;
    }

    private static List<Step> edit(Dialect d, JsonNode e) {
        String path = e.path("path").asText();
        if (e.hasNonNull("content")) {
            String content = e.get("content").asText();
            return List.of(switch (d) {
                case CLAUDE -> Step.from(req -> Reply.call("Write", "file_path", cwd(req) + "/" + path, "content",
                        content));
                case CODEX -> Step.answer(Reply.call("exec_command", "cmd", heredoc(path, content)));
                case BUILTIN -> Step.answer(Reply.call("edit_file", "path", path, "old_text", "", "new_text", content));
            });
        }
        String find = e.path("find").asText();
        String replace = e.path("replace").asText("");
        if (d == Dialect.CLAUDE) {
            return List.of(Step.from(req -> Reply.call("Read", "file_path", cwd(req) + "/" + path)),
                    Step.from(req -> Reply.call("Edit", "file_path", cwd(req) + "/" + path, "old_string", find,
                            "new_string", replace, "replace_all", true)));
        }
        String tool = d == Dialect.CODEX ? "exec_command" : "shell";
        String arg = d == Dialect.CODEX ? "cmd" : "command";
        if (find.strip().contains("\n")) {
            String patch = "*** Begin Patch\n*** Update File: " + path + "\n@@\n" + lines("-", find) + lines("+", replace)
                    + "*** End Patch\n";
            return List.of(Step.answer(d == Dialect.CODEX ? Reply.freeform("apply_patch", patch)
                    : Reply.call("edit_file", "path", path, "old_text", find, "new_text", replace)));
        }
        return List.of(Step.answer(Reply.call(tool, arg, sed(path, find, replace))));
    }

    private static Reply shell(Dialect d, String command) {
        return switch (d) {
            case CLAUDE -> Reply.call("Bash", "command", command, "description", "run the tests");
            case CODEX -> Reply.call("exec_command", "cmd", command);
            case BUILTIN -> Reply.call("shell", "command", command);
        };
    }

    /** The working directory Claude Code reports in its system prompt. */
    static String cwd(JsonNode request) {
        List<JsonNode> todo = new ArrayList<>(List.of(request));
        while (!todo.isEmpty()) {
            JsonNode n = todo.remove(todo.size() - 1);
            if (n.isTextual()) {
                Matcher m = CWD.matcher(n.asText());
                if (m.find()) {
                    return m.group(1);
                }
            }
            n.elements().forEachRemaining(todo::add);
        }
        throw new IllegalStateException("the request does not say the working directory");
    }

    private static String heredoc(String path, String content) {
        int slash = path.lastIndexOf('/');
        String mkdir = slash > 0 ? "mkdir -p '" + path.substring(0, slash) + "' && " : "";
        return mkdir + "cat > '" + path + "' <<'VOXLOOP_EOF'\n" + content + (content.endsWith("\n") ? "" : "\n")
                + "VOXLOOP_EOF";
    }

    private static String sed(String path, String find, String replace) {
        String f = find.endsWith("\n") ? find.substring(0, find.length() - 1) : find;
        String r = find.endsWith("\n") && replace.endsWith("\n") ? replace.substring(0, replace.length() - 1) : replace;
        String pattern = f.replaceAll("([\\\\.*\\[\\]^$|])", "\\\\$1");
        String replacement = r.replaceAll("([\\\\&|])", "\\\\$1").replace("\n", "\\n");
        return "sed -i 's|" + quote(pattern) + "|" + quote(replacement) + "|g' '" + path + "'";
    }

    private static String quote(String s) {
        return s.replace("'", "'\\''");
    }

    private static String lines(String prefix, String text) {
        StringBuilder b = new StringBuilder();
        for (String l : text.strip().isEmpty() ? List.<String>of() : List.of(text.replaceAll("\n$", "").split("\n", -1))) {
            b.append(prefix).append(l).append('\n');
        }
        return b.toString();
    }
}

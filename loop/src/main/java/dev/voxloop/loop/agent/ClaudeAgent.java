package dev.voxloop.loop.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.loop.LoopFailure;
import dev.voxloop.loop.workspace.CommandResult;
import dev.voxloop.loop.workspace.Git;
import dev.voxloop.loop.workspace.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Claude Code in print mode: {@code claude -p PROMPT --output-format stream-json --verbose --settings FILE},
 * resuming the previous turn's session ({@code --resume}). The settings file, generated under the git dir (outside
 * the tree, so the agent cannot edit it), installs our hooks for PreToolUse, PostToolUse and Stop. The session id,
 * final message, token usage and cost come from the stream's {@code system/init}, {@code assistant} and
 * {@code result} messages. A binary that cannot be started, or a turn refused for authentication, makes the agent
 * unavailable: the run stops with Claude Code's own words instead of retrying.
 */
public final class ClaudeAgent implements CodingAgent {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> command;
    private final String voxloopCommand;
    private final String model;
    private final int maxTurns;
    private final Map<String, String> env;

    public ClaudeAgent(List<String> command, String voxloopCommand, String model, int maxTurns,
                       Map<String, String> env) {
        this.command = List.copyOf(command);
        this.voxloopCommand = voxloopCommand;
        this.model = model;
        this.maxTurns = maxTurns;
        this.env = Map.copyOf(env);
    }

    @Override
    public String name() {
        return "claude";
    }

    /** The hooks settings file Claude Code is started with. */
    public static String settings(String voxloopCommand) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode hooks = root.putObject("hooks");
        hook(hooks, "PreToolUse", "*", voxloopCommand + " hook pre-tool-use", 60);
        hook(hooks, "PostToolUse", "*", voxloopCommand + " hook post-tool-use", 60);
        hook(hooks, "Stop", null, voxloopCommand + " hook stop", 1800);
        return root.toPrettyString();
    }

    private static void hook(ObjectNode hooks, String event, String matcher, String cmd, int timeout) {
        ArrayNode list = hooks.putArray(event);
        ObjectNode group = list.addObject();
        if (matcher != null) {
            group.put("matcher", matcher);
        }
        ObjectNode h = group.putArray("hooks").addObject();
        h.put("type", "command");
        h.put("command", cmd);
        h.put("timeout", timeout);
    }

    @Override
    public TurnResult turn(TurnRequest r) {
        Path settingsFile;
        try {
            Path dir = new Git(r.workspace()).gitDir().resolve("voxloop");
            Files.createDirectories(dir);
            settingsFile = dir.resolve("claude-settings.json");
            Files.writeString(settingsFile, settings(voxloopCommand));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> argv = new ArrayList<>(command);
        argv.addAll(List.of("-p", r.prompt(), "--output-format", "stream-json", "--verbose", "--settings",
                settingsFile.toString(), "--max-turns", String.valueOf(maxTurns), "--permission-mode", "acceptEdits",
                "--allowedTools", "Bash,Edit,MultiEdit,Write,Read,Glob,Grep"));
        if (r.sessionId() != null) {
            argv.addAll(List.of("--resume", r.sessionId()));
        }
        if (model != null) {
            argv.addAll(List.of("--model", model));
        }
        CommandResult res = Processes.run(argv, r.workspace(), env, null, r.timeout());
        if (res.notStarted()) {
            throw new LoopFailure.AgentUnavailable("Claude Code cannot be started: " + command.get(0) + " is not"
                    + " installed or not executable on this worker (loop.claude.command, or the project's"
                    + " agent_command)");
        }
        return parse(res);
    }

    /** Reads the stream-json lines of one {@code claude -p} run. */
    static TurnResult parse(CommandResult res) {
        String session = null;
        String lastText = "";
        long in = 0;
        long out = 0;
        double cost = -1;
        boolean success = false;
        boolean sawResult = false;
        String authFailure = null;
        for (String line : res.output().split("\n")) {
            String l = line.strip();
            if (!l.startsWith("{")) {
                continue;
            }
            JsonNode n;
            try {
                n = JSON.readTree(l);
            } catch (IOException e) {
                // safe: a line that looks like JSON but is not (a progress line cut short) carries nothing we read
                continue;
            }
            if (n.hasNonNull("session_id")) {
                session = n.get("session_id").asText();
            }
            switch (n.path("type").asText()) {
                case "assistant" -> {
                    JsonNode msg = n.path("message");
                    if (n.path("error").asText().equals("authentication_failed")) {
                        authFailure = "authentication_failed";
                    }
                    for (JsonNode c : msg.path("content")) {
                        if (c.path("type").asText().equals("text")) {
                            lastText = c.path("text").asText();
                        }
                    }
                    if (!sawResult) {
                        in += tokensIn(msg.path("usage"));
                        out += msg.path("usage").path("output_tokens").asLong(0);
                    }
                }
                case "result" -> {
                    sawResult = true;
                    success = n.path("subtype").asText().equals("success") && !n.path("is_error").asBoolean(false);
                    if (n.hasNonNull("result")) {
                        lastText = n.get("result").asText();
                    }
                    if (n.has("usage")) {
                        in = tokensIn(n.get("usage"));
                        out = n.get("usage").path("output_tokens").asLong(out);
                    }
                    if (n.has("total_cost_usd")) {
                        cost = n.get("total_cost_usd").asDouble();
                    }
                }
                default -> {
                }
            }
        }
        if (authFailure != null) {
            // not logged in, or a key the API refuses: another turn would fail the same way and burn budget
            throw new LoopFailure.AgentUnavailable("Claude Code cannot reach its model (" + authFailure + "): "
                    + (lastText.isBlank() ? res.tail(300) : lastText) + "; log in (claude /login) or set"
                    + " ANTHROPIC_API_KEY for the worker");
        }
        if (res.timedOut()) {
            return new TurnResult("claude timed out", false, null, session, in, out, cost, res.tail(2000));
        }
        boolean done = sawResult && success && res.exit() == 0;
        String message = sawResult ? lastText : "claude exited " + res.exit() + " without a result: " + res.tail(500);
        return new TurnResult(message, done, TurnResult.blockedIn(lastText), session, in, out, cost, res.tail(2000));
    }

    private static long tokensIn(JsonNode usage) {
        return usage.path("input_tokens").asLong(0) + usage.path("cache_creation_input_tokens").asLong(0)
                + usage.path("cache_read_input_tokens").asLong(0);
    }
}

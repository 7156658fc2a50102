package dev.voxloop.loop.agent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.core.loop.LoopFailure;
import dev.voxloop.loop.workspace.CommandResult;
import dev.voxloop.loop.workspace.RunSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Applies a recorded sequence of file edits, one step per turn: for the demo and for tests. Each edit writes a
 * file, replaces text in it, or deletes it; a step may claim completion. After the last step the agent idles
 * (claims done, changes nothing), which the stuck detector notices if the gates still fail. Every edit is made
 * inside the sandbox, as an agent's tool call would be: an edit of a protected path is refused there and the
 * refusal is part of the turn's output.
 */
public final class ReplayAgent implements CodingAgent {

    /** One edit: {@code content} writes the file; {@code find}/{@code replace} edits it (all occurrences); delete. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Edit(String path, String content, String find, String replace, boolean delete) {
    }

    /** One turn's edits and what the agent says about them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Step(String message, List<Edit> edits, @JsonProperty("claims_done") Boolean claimsDone,
                       @JsonProperty("input_tokens") long inputTokens,
                       @JsonProperty("output_tokens") long outputTokens) {
    }

    /** Writes stdin to the path given as $1, creating parent directories (an argument, never interpolated). */
    private static final String WRITE = "mkdir -p -- \"$(dirname -- \"$1\")\" && cat > \"$1\"";

    private final List<Step> steps;
    private final RunSandbox sandbox;

    public ReplayAgent(List<Step> steps, RunSandbox sandbox) {
        this.steps = List.copyOf(steps);
        this.sandbox = sandbox;
    }

    public static ReplayAgent fromFile(Path script, RunSandbox sandbox) {
        try {
            Step[] s = new ObjectMapper().readValue(script.toFile(), Step[].class);
            return new ReplayAgent(List.of(s), sandbox);
        } catch (IOException e) {
            throw new LoopFailure.Misconfigured("cannot read the replay script " + script + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public TurnResult turn(TurnRequest request) {
        int i = request.iteration() - 1;
        if (i >= steps.size()) {
            return new TurnResult("(replay script exhausted; nothing left to do)", true, null, null, 0, 0, 0, "");
        }
        Step step = steps.get(i);
        StringBuilder log = new StringBuilder();
        for (Edit e : step.edits() == null ? List.<Edit>of() : step.edits()) {
            Path p = request.workspace().resolve(e.path()).normalize();
            if (!p.startsWith(request.workspace())) {
                throw new LoopFailure.Misconfigured("replay edit outside the workspace: " + e.path(), null);
            }
            try {
                if (e.delete()) {
                    log.append(inSandbox(request, List.of("rm", "-f", "--", e.path()), null, "deleted ", e.path()));
                } else if (e.content() != null) {
                    log.append(inSandbox(request, write(e.path()), e.content(), "wrote ", e.path()));
                } else if (e.find() != null) {
                    String cur = Files.readString(p);
                    if (!cur.contains(e.find())) {
                        throw new LoopFailure.Misconfigured("replay edit: '" + e.find() + "' not found in " + e.path(),
                                null);
                    }
                    String next = cur.replace(e.find(), e.replace() == null ? "" : e.replace());
                    log.append(inSandbox(request, write(e.path()), next, "edited ", e.path()));
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        boolean done = step.claimsDone() == null || step.claimsDone();
        return new TurnResult(step.message(), done, TurnResult.blockedIn(step.message()), null, step.inputTokens(),
                step.outputTokens(), -1, log.toString());
    }

    private static List<String> write(String path) {
        return List.of("sh", "-c", WRITE, "replay-write", path);
    }

    /** One edit as the agent's own tool call, inside the sandbox: what it did, or why it was refused. */
    private String inSandbox(TurnRequest r, List<String> argv, String stdin, String did, String path) {
        CommandResult res = sandbox.agentTurn(argv, r.workspace(), Map.of(), stdin, r.runId(), r.ticketKey(),
                r.timeout());
        return res.ok() ? did + path + "\n" : "refused " + path + ": " + res.tail(300).strip() + "\n";
    }
}

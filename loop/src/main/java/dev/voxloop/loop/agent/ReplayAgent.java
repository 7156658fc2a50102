package dev.voxloop.loop.agent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.core.loop.LoopFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Applies a recorded sequence of file edits, one step per turn: for the demo and for tests. Each edit writes a
 * file, replaces text in it, or deletes it; a step may claim completion. After the last step the agent idles
 * (claims done, changes nothing), which the stuck detector notices if the gates still fail.
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

    private final List<Step> steps;

    public ReplayAgent(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    public static ReplayAgent fromFile(Path script) {
        try {
            Step[] s = new ObjectMapper().readValue(script.toFile(), Step[].class);
            return new ReplayAgent(List.of(s));
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
                    Files.deleteIfExists(p);
                    log.append("deleted ").append(e.path()).append('\n');
                } else if (e.content() != null) {
                    Files.createDirectories(p.getParent());
                    Files.writeString(p, e.content());
                    log.append("wrote ").append(e.path()).append('\n');
                } else if (e.find() != null) {
                    String cur = Files.readString(p);
                    if (!cur.contains(e.find())) {
                        throw new LoopFailure.Misconfigured("replay edit: '" + e.find() + "' not found in " + e.path(),
                                null);
                    }
                    Files.writeString(p, cur.replace(e.find(), e.replace() == null ? "" : e.replace()));
                    log.append("edited ").append(e.path()).append('\n');
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        boolean done = step.claimsDone() == null || step.claimsDone();
        return new TurnResult(step.message(), done, TurnResult.blockedIn(step.message()), null, step.inputTokens(),
                step.outputTokens(), -1, log.toString());
    }
}

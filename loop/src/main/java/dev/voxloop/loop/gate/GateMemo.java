package dev.voxloop.loop.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.loop.GateConfig;
import dev.voxloop.loop.workspace.CommandResult;
import dev.voxloop.loop.workspace.Git;
import dev.voxloop.loop.workspace.TaskFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The command gates (tests, lint, coverage) that passed on a workspace exactly as it is now, so that the
 * orchestrator's verification right after an agent's Stop hook does not run the same suite twice on the same
 * files. The key is the whole working tree (tracked and untracked, not ignored, without {@code CURRENT_TASK.md},
 * to which the orchestrator appends its progress log between the two) and the gate configuration; any change
 * means a fresh run. Only passes are remembered (a failure is run again: it may have been flaky), and only where
 * the sandbox isolates: the record lives in {@code .git/voxloop/}, which is read-only to the agent there, so an
 * agent cannot forge it (with the {@code none} backend it could, so nothing is remembered).
 */
final class GateMemo {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = "gates-passed.json";

    private final Git git;
    private final String fingerprint;

    private GateMemo(Git git, String fingerprint) {
        this.git = git;
        this.fingerprint = fingerprint;
    }

    /** The memo of this workspace as it is now, or empty when its state cannot be fingerprinted. */
    static Optional<GateMemo> of(Git git, GateConfig cfg) {
        Path index = git.gitDir().resolve("voxloop").resolve("gate-index");
        try {
            Files.createDirectories(index.getParent());
            Path real = git.gitDir().resolve("index");
            if (Files.exists(real)) {
                // starting from the real index lets git skip re-hashing files whose stat data is unchanged
                Files.copy(real, index, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(index);
            }
            Git scratch = git.withEnv(Map.of("GIT_INDEX_FILE", index.toString()));
            CommandResult add = scratch.tryRun("add", "-A", "--", ".", ":(exclude)" + TaskFile.NAME);
            CommandResult tree = add.ok() ? scratch.tryRun("write-tree") : add;
            Files.deleteIfExists(index);
            if (!tree.ok()) {
                return Optional.empty();
            }
            String key = tree.output().strip() + "\n" + cfg;
            return Optional.of(new GateMemo(git, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)))));
        } catch (IOException | NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }

    /** Command gates that passed on exactly this state, by name, their detail saying so. */
    Map<String, GateResult> passed() {
        Map<String, GateResult> out = new HashMap<>();
        try {
            Path f = git.gitDir().resolve("voxloop").resolve(FILE);
            JsonNode n = Files.exists(f) ? JSON.readTree(f.toFile()) : null;
            if (n == null || !fingerprint.equals(n.path("fingerprint").asText())) {
                return out;
            }
            n.path("passed").fields().forEachRemaining(e -> out.put(e.getKey(), GateResult.pass(e.getKey(),
                    e.getValue().asText() + " (at " + n.path("at").asText() + " on these same files; not run"
                            + " again)")));
        } catch (IOException e) {
            // safe: an unreadable memo only means the gates run again
        }
        return out;
    }

    /** Remembers the command gates that passed now (replacing what was remembered for an earlier state). */
    void remember(Iterable<GateResult> results) {
        ObjectNode n = JSON.createObjectNode().put("fingerprint", fingerprint).put("at", Instant.now().toString());
        ObjectNode passed = n.putObject("passed");
        for (GateResult r : results) {
            if (r.passed() && !r.detail().endsWith("not run again)")) {
                passed.put(r.name(), r.detail());
            } else if (r.passed()) {
                passed.put(r.name(), r.detail().substring(0, r.detail().lastIndexOf(" (at ")));
            }
        }
        try {
            Files.writeString(git.gitDir().resolve("voxloop").resolve(FILE), n.toString());
        } catch (IOException e) {
            // safe: without the memo the next verification runs the gates again
        }
    }
}

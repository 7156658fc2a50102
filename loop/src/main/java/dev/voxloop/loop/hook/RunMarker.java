package dev.voxloop.loop.hook;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.voxloop.loop.gate.GateConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Written by the orchestrator into {@code <git dir>/voxloop/run.json} (outside the agent-writable tree: the policy
 * protects {@code .git/}) while a run is in progress. Hooks enforce the loop's gates only where they find one, so
 * a person's own session on some branch is never trapped.
 */
public record RunMarker(String runId, String ticketKey, String workspace, String defaultBranch, GateConfig gates) {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static Path location(Path gitDir) {
        return gitDir.resolve("voxloop").resolve("run.json");
    }

    public void write(Path gitDir) throws IOException {
        Path p = location(gitDir);
        Files.createDirectories(p.getParent());
        Path tmp = p.resolveSibling("run.json.tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public static void clear(Path gitDir) throws IOException {
        Files.deleteIfExists(location(gitDir));
    }

    /** The marker of the repository containing {@code dir}, if a run is active there. */
    public static Optional<RunMarker> find(Path dir) {
        return gitDirOf(dir).map(RunMarker::location).filter(Files::isRegularFile).flatMap(p -> {
            try {
                return Optional.of(JSON.readValue(p.toFile(), RunMarker.class));
            } catch (IOException e) {
                // a marker that cannot be read still means "inside a run": fail closed with an empty one
                return Optional.of(new RunMarker("unreadable", null, dir.toString(), "main", null));
            }
        });
    }

    /** Walks up from {@code dir} to the first {@code .git} (a directory, or a worktree's {@code gitdir:} file). */
    public static Optional<Path> gitDirOf(Path dir) {
        Path cur = dir == null ? null : dir.toAbsolutePath().normalize();
        while (cur != null) {
            Path dotGit = cur.resolve(".git");
            if (Files.isDirectory(dotGit)) {
                return Optional.of(dotGit);
            }
            if (Files.isRegularFile(dotGit)) {
                try {
                    String line = Files.readString(dotGit).strip();
                    if (line.startsWith("gitdir:")) {
                        return Optional.of(cur.resolve(line.substring(7).strip()).normalize());
                    }
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
            cur = cur.getParent();
        }
        return Optional.empty();
    }
}

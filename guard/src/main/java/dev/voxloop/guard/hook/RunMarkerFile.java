package dev.voxloop.guard.hook;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.voxloop.core.guard.RunMarker;
import dev.voxloop.core.guard.RunMarkers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The run marker as a file: {@code <git dir>/voxloop/run.json}, outside the agent-writable tree (the policy
 * protects {@code .git/}), written atomically by the orchestrator while a run is in progress and read by every
 * hook call.
 */
public final class RunMarkerFile implements RunMarkers {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static Path location(Path gitDir) {
        return gitDir.resolve("voxloop").resolve("run.json");
    }

    @Override
    public void write(Path gitDir, RunMarker marker) throws IOException {
        Path p = location(gitDir);
        Files.createDirectories(p.getParent());
        Path tmp = p.resolveSibling("run.json.tmp");
        JSON.writeValue(tmp.toFile(), marker);
        // a hook reading concurrently sees the old marker or the new one, never half a file
        Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void clear(Path gitDir) throws IOException {
        Files.deleteIfExists(location(gitDir));
    }

    @Override
    public Optional<RunMarker> find(Path dir) {
        return gitDirOf(dir).map(RunMarkerFile::location).filter(Files::isRegularFile).flatMap(p -> {
            try {
                return Optional.of(JSON.readValue(p.toFile(), RunMarker.class));
            } catch (IOException e) {
                // a marker that cannot be read still means "inside a run": fail closed with one that has no
                // gates, which the Stop hook refuses to pass
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
                    // an unreadable .git file: treat the directory as no repository (no marker, no run)
                    return Optional.empty();
                }
            }
            cur = cur.getParent();
        }
        return Optional.empty();
    }
}

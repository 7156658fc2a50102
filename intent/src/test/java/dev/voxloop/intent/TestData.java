package dev.voxloop.intent;

import dev.voxloop.core.ticket.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The shared intent test data: {@code shared/testdata/intent} beside the repository. */
public final class TestData {

    private static final Path SHARED = Path.of("shared", "testdata", "intent");

    private TestData() {
    }

    /** The five projects of shared/testdata/intent/projects.json. */
    public static final List<Project> PROJECTS = ProjectsFile.read(required().resolve("projects.json"));

    /**
     * The shared testdata/intent directory, found beside the module directory (tests' working directory) or one of
     * its parents, so it does not matter where the repository is checked out; null when there is none.
     */
    public static Path intentDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(SHARED);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static Path required() {
        Path dir = intentDir();
        if (dir == null) {
            throw new IllegalStateException("shared/testdata/intent is not beside the repository (looked upwards from "
                    + Path.of("").toAbsolutePath() + ")");
        }
        return dir;
    }
}

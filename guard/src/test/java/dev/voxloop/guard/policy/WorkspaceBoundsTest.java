package dev.voxloop.guard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.guard.PolicyContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes the parser can place outside the workspace or behind a link to a protected path. */
class WorkspaceBoundsTest {

    @TempDir
    Path tmp;

    @Test
    void aWriteThroughALinkIsJudgedByWhereItLands() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("ws"));
        Files.createDirectories(ws.resolve(".github/workflows"));
        Files.createDirectories(ws.resolve("src"));
        Files.createSymbolicLink(ws.resolve("wf"), Path.of(".github/workflows"));
        Files.createSymbolicLink(ws.resolve("sys"), Path.of("/etc"));
        Files.createSymbolicLink(ws.resolve("code"), Path.of("src"));
        PolicyContext ctx = PolicyContext.of(ws, "main", () -> "feature/A-1-x");

        assertThat(ProtectedPaths.writeViolation("wf/ci.yml", ctx)).get().asString()
                .contains("symbolic link").contains(".github");
        assertThat(ProtectedPaths.writeViolation("sys/passwd", ctx)).get().asString().contains("outside the workspace");
        assertThat(ProtectedPaths.writeViolation("code/App.java", ctx)).isEmpty();
        assertThat(ProtectedPaths.writeViolation("src/App.java", ctx)).isEmpty();
    }

    @Test
    void absolutePathsOutsideTheWorkspaceAreRefusedButScratchIsNot() {
        PolicyContext ctx = PolicyContext.of(Path.of("/work/proj"), "main", () -> null);
        assertThat(ProtectedPaths.writeViolation("/etc/passwd", ctx)).get().asString().contains("outside");
        assertThat(ProtectedPaths.writeViolation("../other/secret.txt", ctx)).isPresent();
        assertThat(ProtectedPaths.writeViolation("/work/proj/src/A.java", ctx)).isEmpty();
        assertThat(ProtectedPaths.writeViolation("/tmp/notes.txt", ctx)).isEmpty();
        assertThat(ProtectedPaths.writeViolation("/dev/null", ctx)).isEmpty();
    }
}

package dev.voxloop.guard.sandbox;

import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.sandbox.Sandbox;
import dev.voxloop.core.sandbox.SandboxRequest;
import dev.voxloop.core.sandbox.SandboxResult;
import dev.voxloop.core.sandbox.SandboxUnavailable;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/** Builds the configured sandbox backend, and checks that it works (for doctor). */
public final class Sandboxes {

    private Sandboxes() {
    }

    /**
     * The backend the settings name; inside a sandbox already (voxloop's hooks run in the agent's), commands run
     * directly in the enclosing one.
     *
     * @param events where refused connections and limit hits go (the event bus's publish; the CLI prints them)
     * @throws SandboxUnavailable when bubblewrap is configured but not installed
     */
    public static Sandbox create(SandboxSettings s, Consumer<PipelineEvent> events, Clock clock) {
        String enclosing = System.getenv("VOXLOOP_SANDBOXED");
        if (enclosing != null && !enclosing.isBlank()) {
            return new EnclosedSandbox(enclosing);
        }
        return switch (s.backend()) {
            case "none" -> new HostSandbox(s);
            case "bubblewrap", "bwrap" -> new BubblewrapSandbox(s, executable(s.bwrapCommand()),
                    KernelLimits.detect(s.useCgroups()), events, clock, Path.of(System.getProperty("user.home")),
                    System.getenv());
            default -> throw new IllegalArgumentException("sandbox.backend must be bubblewrap or none, not '"
                    + s.backend() + "'");
        };
    }

    /** Runs {@code true} inside the sandbox; empty when it works, else why not. */
    public static java.util.Optional<String> probe(Sandbox sandbox) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("voxloop-probe-");
            SandboxResult r = sandbox.run(SandboxRequest.of(List.of("true"), dir));
            return r.ok() ? java.util.Optional.empty() : java.util.Optional.of("bwrap failed (exit " + r.exit()
                    + "): " + r.output().strip());
        } catch (IOException | SandboxUnavailable e) {
            return java.util.Optional.of(e.getMessage());
        } finally {
            deleteTree(dir);
        }
    }

    static String executable(String command) {
        if (command.contains("/")) {
            if (Files.isExecutable(Path.of(command))) {
                return command;
            }
        } else {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
                Path p = Path.of(dir, command);
                if (Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        throw new SandboxUnavailable("bubblewrap ('" + command + "') is not installed: install it (Debian/Ubuntu:"
                + " apt-get install bubblewrap; scripts/system-deps.sh does) or set sandbox.backend: none to run"
                + " agents without any isolation");
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless; the next start does not reuse it
        }
    }
}

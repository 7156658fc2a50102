package dev.voxloop.loop.workspace;

import dev.voxloop.core.process.Command;
import dev.voxloop.core.process.Exit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The loop's way to run a program to completion: core's {@link Command} with standard error merged into the output
 * (test logs read in order), the tail kept (2 MB), and the whole process tree killed at the deadline. A program
 * that cannot be started is exit 127 with output starting {@link #NOT_STARTED}, as a shell reports it.
 */
public final class Processes {

    /** How the output of a program that could not be started begins (exit 127, like a shell's "not found"). */
    static final String NOT_STARTED = "could not start ";

    private Processes() {
    }

    public static CommandResult run(List<String> argv, Path dir, Map<String, String> env, String stdin,
                                    Duration timeout) {
        long t0 = System.nanoTime();
        try {
            Exit exit = Command.of(argv).directory(dir).environment(env).input(stdin).timeout(timeout).mergeErrors()
                    .run();
            return new CommandResult(exit.code(), exit.output(), exit.timedOut(), exit.took().toMillis());
        } catch (Command.NotStarted e) {
            return new CommandResult(127, NOT_STARTED + argv.get(0) + ": " + e.getCause().getMessage(), false,
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + argv.get(0), e);
        }
    }

    /** A shell command line ({@code sh -c}). */
    public static CommandResult shell(String command, Path dir, Map<String, String> env, Duration timeout) {
        return run(List.of("sh", "-c", command), dir, env, null, timeout);
    }
}

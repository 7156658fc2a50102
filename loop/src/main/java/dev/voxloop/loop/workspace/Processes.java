package dev.voxloop.loop.workspace;

import dev.voxloop.core.process.Command;
import dev.voxloop.core.process.Exit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The loop's way to run a program ({@link Command} underneath): to completion with a deadline, standard output and
 * errors together (the last 2 MB kept), optionally showing each output line to a {@link LineWatcher} as it arrives
 * (an agent's event stream), which may end the process early. A program that cannot be started is a result, not an
 * exception: exit 127 and a message saying so, as a shell reports "not found".
 */
public final class Processes {

    /** How the output of a program that could not be started begins (exit 127, like a shell's "not found"). */
    static final String NOT_STARTED = "could not start ";

    /** Sees each output line as it arrives; answering false ends the process (and its children) at once. */
    @FunctionalInterface
    public interface LineWatcher {

        boolean line(String line);
    }

    private Processes() {
    }

    public static CommandResult run(List<String> argv, Path dir, Map<String, String> env, String stdin,
                                    Duration timeout) {
        return run(argv, dir, env, stdin, timeout, null);
    }

    public static CommandResult run(List<String> argv, Path dir, Map<String, String> env, String stdin,
                                    Duration timeout, LineWatcher watcher) {
        long t0 = System.nanoTime();
        Command command = Command.of(argv).directory(dir).environment(env).input(stdin).timeout(timeout)
                .mergeErrors();
        if (watcher != null) {
            command.watchLines(watcher::line);
        }
        try {
            Exit exit = command.run();
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

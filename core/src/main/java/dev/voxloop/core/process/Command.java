package dev.voxloop.core.process;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child process to run to completion: {@code Command.of("git", "status").directory(repo).timeout(d).run()}.
 * Standard output and error are read on their own threads while the input is written on a third, so a process
 * that writes a lot before reading cannot block on a full pipe; when the time limit runs out, or the calling
 * thread is interrupted, the process and everything it started are killed ({@link ProcessTree}).
 */
public final class Command {

    /** Output kept per stream unless {@link #keepOutput(int)} says otherwise: enough for any test log tail. */
    public static final int DEFAULT_KEEP = 2 * 1024 * 1024;
    /** How long to wait for the output readers after the process ended (a grandchild may hold the pipe open). */
    private static final long DRAIN_MILLIS = 2000;

    private final List<String> argv;
    private Path directory;
    private final Map<String, String> environment = new HashMap<>();
    private boolean inherit = true;
    private byte[] input;
    private Duration timeout = Duration.ofMinutes(10);
    private ProcessBuilder.Redirect errors = ProcessBuilder.Redirect.PIPE;
    private boolean mergeErrors;
    private int keep = DEFAULT_KEEP;
    private Predicate<String> lines;

    private Command(List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least the program to run");
        }
        this.argv = List.copyOf(argv);
    }

    public static Command of(String... argv) {
        return new Command(List.of(argv));
    }

    public static Command of(List<String> argv) {
        return new Command(argv);
    }

    /** A command line for {@code sh -c}: pipes, redirections and quoting as the shell reads them. */
    public static Command shell(String line) {
        return new Command(List.of("sh", "-c", line));
    }

    /** Where it runs; the current directory when not set. */
    public Command directory(Path dir) {
        this.directory = dir;
        return this;
    }

    /** Variables to set on top of this process's environment; a null value removes the variable. */
    public Command environment(Map<String, String> changes) {
        if (changes != null) {
            environment.putAll(changes);
        }
        return this;
    }

    /** Exactly these variables and nothing of this process's own (a sandboxed command sees no host secrets). */
    public Command onlyEnvironment(Map<String, String> variables) {
        this.inherit = false;
        environment.clear();
        environment.putAll(variables);
        return this;
    }

    /** Text for standard input (UTF-8); without it the child reads end-of-file at once. */
    public Command input(String text) {
        this.input = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    public Command input(byte[] bytes) {
        this.input = bytes;
        return this;
    }

    /** The time limit; ten minutes unless set. */
    public Command timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    /** Standard error goes into {@link Exit#stdout()}, interleaved as the process wrote it (logs read in order). */
    public Command mergeErrors() {
        this.mergeErrors = true;
        return this;
    }

    /** Standard error is thrown away (a tool that reports progress there). */
    public Command discardErrors() {
        this.errors = ProcessBuilder.Redirect.DISCARD;
        return this;
    }

    /** Keep at most this many bytes of each stream, the last ones; {@link #DEFAULT_KEEP} unless set. */
    public Command keepOutput(int bytes) {
        this.keep = bytes;
        return this;
    }

    /**
     * Shows each line of standard output (with the errors, when merged) to {@code watcher} as it arrives, before
     * the process ends: an agent's event stream. Answering false kills the process tree at once; the output read
     * so far is still the result.
     */
    public Command watchLines(Predicate<String> watcher) {
        this.lines = watcher;
        return this;
    }

    /** The program, for messages. */
    public String program() {
        return argv.getFirst();
    }

    /**
     * Runs the command to its end or its time limit.
     *
     * @throws NotStarted           when the program cannot be started (not installed, not executable)
     * @throws InterruptedException when the calling thread is interrupted; the process tree is killed first
     */
    public Exit run() throws InterruptedException {
        long t0 = System.nanoTime();
        Process p = start();
        OutputTail out = new OutputTail(keep);
        OutputTail err = new OutputTail(keep);
        Predicate<String> watcher = lines == null ? null : line -> {
            boolean goOn = lines.test(line);
            if (!goOn) {
                ProcessTree.kill(p.toHandle());
            }
            return goOn;
        };
        Thread outReader = Thread.ofVirtual().start(() -> out.drain(p.getInputStream(), watcher));
        Thread errReader = mergeErrors || errors == ProcessBuilder.Redirect.DISCARD ? null
                : Thread.ofVirtual().start(() -> err.drain(p.getErrorStream()));
        Thread.ofVirtual().start(() -> feed(p.getOutputStream(), input));
        boolean finished;
        try {
            finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            ProcessTree.kill(p.toHandle());
            throw e;
        }
        if (!finished) {
            ProcessTree.kill(p.toHandle());
        }
        outReader.join(DRAIN_MILLIS);
        if (errReader != null) {
            errReader.join(DRAIN_MILLIS);
        }
        return new Exit(finished ? p.exitValue() : Exit.TIMED_OUT, out.bytes(), err.bytes(), !finished,
                Duration.ofNanos(System.nanoTime() - t0));
    }

    /**
     * Starts the command and hands the running process to the caller, for a long-lived child spoken to over its
     * pipes; the caller reads its output and ends it ({@link ProcessTree#kill}). The time limit does not apply.
     *
     * @throws NotStarted when the program cannot be started
     */
    public Process start() {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(argv)).redirectErrorStream(mergeErrors);
        if (!mergeErrors) {
            pb.redirectError(errors);
        }
        if (directory != null) {
            pb.directory(directory.toFile());
        }
        if (!inherit) {
            pb.environment().clear();
        }
        environment.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        try {
            return pb.start();
        } catch (IOException e) {
            throw new NotStarted(program(), e);
        }
    }

    private static void feed(OutputStream stdin, byte[] input) {
        try (stdin) {
            if (input != null) {
                stdin.write(input);
            }
        } catch (IOException e) {
            // the child exited or closed its input without reading all of it: what it did read is its business,
            // and its exit code tells the caller how it went
        }
    }

    /** The program could not be started: it is not installed, not executable, or the directory is missing. */
    public static final class NotStarted extends RuntimeException {

        private final String program;

        NotStarted(String program, IOException cause) {
            super("could not start " + program + ": " + cause.getMessage(), cause);
            this.program = program;
        }

        public String program() {
            return program;
        }
    }
}

package dev.voxloop.app.cli;

import dev.voxloop.loop.worker.Worker;
import dev.voxloop.loop.worker.WorkerPass;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code voxloop worker}: claims queued tickets of the projects that have a repository and runs the loop on them
 * until stopped (Ctrl-C ends it after the current step, waiting up to ten seconds; a run left mid-way is resumed by
 * the next worker once its lease lapses). With {@code --once} it says what really happened: nothing to take (and why), the run's outcome, or
 * why a claimed ticket could not start, with where the ticket stands in the queue afterwards.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Claim queued tickets of the projects with a repository and run the agent loop on them."
                + " Shares the database with a running server. --once: exit 0 when nothing was queued or the run"
                + " ended well, 1 when the ticket could not start or its run stopped early.")
public final class WorkerCommand implements Callable<Integer> {

    /** How long Ctrl-C waits for the current step to end before the process exits anyway. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    @Option(names = "--id", description = "worker id (default host-pid-random)")
    String id;

    @Option(names = "--once", description = "run at most one queued ticket, then exit")
    boolean once;

    private final Function<String, Worker> workers;
    private final PrintStream out;

    /** @param workers makes the worker for an id (null: the default id) */
    public WorkerCommand(Function<String, Worker> workers) {
        this(workers, System.out);
    }

    public WorkerCommand(Function<String, Worker> workers, PrintStream out) {
        this.workers = workers;
        this.out = out;
    }

    @Override
    public Integer call() {
        Worker w = workers.apply(id);
        if (once) {
            WorkerPass pass = w.pass();
            out.println(pass.describe());
            return switch (pass) {
                case WorkerPass.Idle i -> 0;
                case WorkerPass.Ran r -> r.run().succeeded() ? 0 : 1;
                case WorkerPass.NotStarted n -> 1;
            };
        }
        out.println("voxloop worker " + w.id() + " waiting for queued tickets of "
                + (w.projects() == null ? "every project" : w.projects().isEmpty()
                ? "no project (none has a repository: ./voxloop init --project KEY --repo PATH)"
                : String.join(", ", w.projects())));
        // Ctrl-C stops the worker after its current step, never by interrupting it (an interrupt inside a database
        // write closes the embedded database); the hook waits a while for that, and a run left mid-step is resumed
        // by the next worker once its lease lapses
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            w.stop();
            try {
                done.await(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            w.run();
        } finally {
            done.countDown();
        }
        return 0;
    }
}

package dev.voxloop.app.cli;

import dev.voxloop.app.Voxloop;
import dev.voxloop.loop.worker.Worker;
import dev.voxloop.loop.worker.WorkerPass;
import dev.voxloop.loop.worker.WorkerThreads;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code voxloop worker}: claims queued tickets of the projects that have a repository and runs the loop on them
 * until stopped. Ctrl-C or SIGTERM stops it as they stop {@code serve}: the worker ends after its current step
 * (waiting up to ten seconds; a run left mid-way is resumed by the next worker once its lease lapses), and only then
 * does the database close. With {@code --once} it says what really happened: nothing to take (and why), the run's
 * outcome, or why a claimed ticket could not start, with where the ticket stands in the queue afterwards; that pass
 * runs on the command's own thread, and a signal ends it after its current step as well (the run stays as saved for
 * the next worker), says where the ticket was left, and then closes the models and the database.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Claim queued tickets of the projects with a repository and run the agent loop on them."
                + " Shares the database with a running server. Runs until Ctrl-C or SIGTERM, which stop it cleanly."
                + " --once: exit 0 when nothing was queued or the run ended well, 1 when the ticket could not start or"
                + " its run stopped early.")
public final class WorkerCommand implements Callable<Integer> {

    @Option(names = "--id", description = "worker id (default host-pid-random)")
    String id;

    @Option(names = "--once", description = "run at most one queued ticket, then exit")
    boolean once;

    private final AppContext context;
    private final PrintStream out;

    public WorkerCommand(AppContext context) {
        this(context, System.out);
    }

    public WorkerCommand(AppContext context, PrintStream out) {
        this.context = context;
        this.out = out;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (once) {
            return once();
        }
        // the worker ends (after its current step, never by an interrupt: one inside a database write closes the
        // embedded database), then the database closes; in place before anything opens
        StopSignals signals = StopSignals.install(context::close);
        WorkerThreads threads;
        try {
            Voxloop app = context.app();
            Worker w = app.loop().worker(id, app.workers());
            threads = app.startWorkers(List.of(w), () -> out.println("voxloop worker " + w.id()
                    + " waiting for queued tickets of " + (w.projects() == null ? "every project"
                    : w.projects().isEmpty() ? "no project (none has a repository: ./voxloop init --project KEY"
                    + " --repo PATH)" : String.join(", ", w.projects()))));
        } catch (Voxloop.Stopped e) {
            // stopped while starting: the stop closes what was opened and the process exits
            signals.awaitExit();
            return 0;
        }
        threads.awaitEnd();
        if (!signals.began()) {
            // the worker's thread ended without a stop: it failed, and said why on standard error
            return 1;
        }
        signals.awaitExit();
        return 0;
    }

    /** One pass on this thread: a stop ends the worker after its current step and says where it left the run. */
    private int once() {
        AtomicReference<Worker> worker = new AtomicReference<>();
        AtomicReference<WorkerPass> done = new AtomicReference<>();
        StopSignals signals = StopSignals.installSteps(() -> {
            Worker w = worker.get();
            if (w != null) {
                w.stop();
            }
        }, ended -> out.println(OnceStopped.message(done.get(), ended)), context::close);
        WorkerPass pass = signals.step(() -> {
            Voxloop app = context.app();
            Worker w = app.loop().worker(id, app.workers());
            worker.set(w);
            if (signals.began()) {
                // the stop came while the database opened and found no worker to end: take nothing
                return null;
            }
            WorkerPass p = w.pass();
            done.set(p);
            return p;
        });
        signals.step(() -> {
            out.println(pass.describe());
            return null;
        });
        return switch (pass) {
            case WorkerPass.Idle i -> 0;
            case WorkerPass.Ran r -> r.run().succeeded() ? 0 : 1;
            case WorkerPass.NotStarted n -> 1;
        };
    }
}

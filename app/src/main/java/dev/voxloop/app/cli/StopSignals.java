package dev.voxloop.app.cli;

import dev.voxloop.app.Voxloop;
import dev.voxloop.core.deferred.InFlight;
import dev.voxloop.intent.embedded.EmbeddedModels;
import dev.voxloop.speech.engine.moonshine.MoonshineModel;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * How a command stops on SIGTERM or SIGINT (Ctrl-C): as the JVM would (shutdown hooks, exit status 128 + signal),
 * but in order and before the JVM's shutdown hooks run: libraries stop from hooks of their own, beside ours and in
 * no order. ONNX Runtime releases its environment from one, and a model still loading or running inside it then
 * crashes the JVM (SIGSEGV); H2 closes its databases from one, under a thread still writing (the write is lost or
 * refused) or polling ("Database is already closed"). Any other exit (System.exit, the last thread ending) runs the
 * stop from a shutdown hook.
 *
 * <p>A command that runs until stopped ({@code serve}, {@code worker}) closes the in-process models and then runs
 * its own stop ({@link #install}). A command whose work runs on its own thread and ends ({@code say},
 * {@code doctor}, {@code worker --once}, ...) runs that work in {@link #step}s ({@link #installSteps}): a stop ends
 * the work after the step in progress, says what it left undone, and only then closes the models and the database.
 */
final class StopSignals {

    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);
    private static final Duration MODELS = Duration.ofSeconds(30);
    /** How long a stop waits for a command's step in progress, as long as for a worker's step in {@code serve}. */
    static final Duration STEP = Duration.ofSeconds(10);

    /** What a command tells the person once its work ended on a signal. */
    @FunctionalInterface
    interface Report {
        /** @param stepEnded false when a step was still running after {@link #STEP}: the stop goes on under it */
        void stopped(boolean stepEnded);
    }

    /** One step of a command's work. */
    @FunctionalInterface
    interface Step<T, E extends Exception> {
        T run() throws E;
    }

    /** How a command that works in steps stops: on this process's signals, or not at all (run inside a test). */
    @FunctionalInterface
    interface Setup {
        StopSignals install(Runnable end, Report report, Runnable close);
    }

    /** The process's signals stop the command ({@link #installSteps}). */
    static final Setup SIGNALLED = StopSignals::installSteps;
    /** Nothing is installed (a command run inside a test's JVM): steps just run. */
    static final Setup IN_PROCESS = (end, report, close) -> new StopSignals();

    private final AtomicBoolean began = new AtomicBoolean();
    private final CountDownLatch exiting = new CountDownLatch(1);
    /** The step of the command's thread in progress, if any. */
    private final InFlight steps = new InFlight();

    private StopSignals() {
    }

    /**
     * Installs the shutdown hook and the signal handlers for a command that runs until stopped. Call it before the
     * command opens anything: a stop from then on, even one arriving while the command starts, runs {@code stop}
     * (registered later, a stop in between left the database unclosed or failed with "Shutdown in progress").
     *
     * @param stop ends what the command runs (requests, workers, housekeeping), and then closes its database; it
     *             may run more than once and must be harmless the second time
     */
    static StopSignals install(Runnable stop) {
        return install(new StopSignals(), () -> { }, stop);
    }

    /**
     * Installs the shutdown hook and the signal handlers for a command that works in {@link #step}s on its own
     * thread and then ends; before it opens anything, as {@link #install}. A signal then: {@code end}s the work and
     * waits (up to {@link #STEP}, never interrupting: an interrupt inside an H2 write closes the database) for the
     * step in progress, lets {@code report} say what was left undone, closes the models and then runs
     * {@code close}.
     *
     * @param end   asks the work in progress to end after its current step (a worker's run); may do nothing
     * @param close closes what the command opened (its database last); harmless the second time
     */
    static StopSignals installSteps(Runnable end, Report report, Runnable close) {
        StopSignals signals = new StopSignals();
        return install(signals, () -> {
            end.run();
            boolean ended = signals.steps.close(STEP);
            if (!ended) {
                LOG.info("a step was still running after {} s; stopping under it", STEP.toSeconds());
            }
            report.stopped(ended);
        }, close);
    }

    private static StopSignals install(StopSignals signals, Runnable work, Runnable stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (signals.began.compareAndSet(false, true)) {
                // not after a signal, whose stop waited already: an exit on the command's own thread has left every
                // step, another exit waits for the one running
                signals.steps.close(STEP);
            }
            stop.run();
            signals.exiting.countDown();
        }, "voxloop-shutdown"));
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), s -> {
                    if (!signals.began.compareAndSet(false, true)) {
                        // a second Ctrl-C, or the process is exiting already: the first stop goes on
                        return;
                    }
                    work.run();
                    // both are closed whatever the first answers: each waits for its own native calls
                    boolean embedded = EmbeddedModels.close(MODELS);
                    boolean speech = MoonshineModel.close(MODELS);
                    if (!embedded || !speech) {
                        LOG.warn("a model was still loading or running after {} s; stopping anyway",
                                MODELS.toSeconds());
                    }
                    stop.run();
                    System.exit(128 + s.getNumber());
                });
            } catch (IllegalArgumentException e) {
                // the JVM runs with -Xrs or the signal is taken: its default handling stays
                LOG.debug("cannot handle SIG{}: {}", name, e.getMessage());
            }
        }
        return signals;
    }

    /** Whether a stop began (a signal came, or the JVM is exiting). */
    boolean began() {
        return began.get();
    }

    /**
     * Runs one step of the command's work: a stop waits for it (bounded) before it closes the models and the
     * database. Once a stop began no step starts, and a step that ends does not return: the thread stays here until
     * the process exits, so the command neither goes on under a closing database nor exits with a status of its own
     * beside the signal's (the stop's report says where the work was left).
     */
    <T, E extends Exception> T step(Step<T, E> body) throws E {
        try {
            steps.enter(Voxloop.Stopped::new);
        } catch (Voxloop.Stopped e) {
            awaitHalt();
        }
        T result;
        try {
            result = body.run();
        } finally {
            steps.leave();
        }
        if (began.get()) {
            awaitHalt();
        }
        return result;
    }

    /**
     * Waits until the stop has run and the JVM is exiting; for the command's thread once the stop began, so that it
     * neither returns an exit status of its own nor exits beside the signal handler's exit.
     */
    void awaitExit() throws InterruptedException {
        exiting.await();
    }

    /** Parks the calling thread for good: the process is exiting, and halts it. */
    private static void awaitHalt() {
        while (true) {
            try {
                Thread.sleep(Duration.ofDays(1));
            } catch (InterruptedException e) {
                // nothing to do but wait for the halt
            }
        }
    }
}

package dev.voxloop.app.cli;

import dev.voxloop.intent.embedded.EmbeddedModels;
import dev.voxloop.speech.engine.moonshine.MoonshineModel;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * How a command that runs until stopped ({@code serve}, {@code worker}) stops: SIGTERM and SIGINT (Ctrl-C) stop it
 * as the JVM would (shutdown hooks, exit status 128 + signal), but close the in-process models and then run the
 * command's own stop first, before the JVM's shutdown hooks run: libraries stop from hooks of their own, beside ours
 * and in no order. ONNX Runtime releases its environment from one, and a model still loading or running inside it
 * then crashes the JVM (SIGSEGV); H2 closes its databases from one, and the workers and housekeeping, still
 * polling, then logged "Database is already closed". Any other exit (System.exit, the last thread ending) runs the
 * stop from a shutdown hook.
 */
final class StopSignals {

    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);
    private static final Duration MODELS = Duration.ofSeconds(30);

    private final AtomicBoolean began = new AtomicBoolean();
    private final CountDownLatch exiting = new CountDownLatch(1);

    private StopSignals() {
    }

    /**
     * Installs the shutdown hook and the signal handlers. Call it before the command opens anything: a stop from
     * then on, even one arriving while the command starts, runs {@code stop} (registered later, a stop in between
     * left the database unclosed or failed with "Shutdown in progress").
     *
     * @param stop ends what the command runs (requests, workers, housekeeping), and then closes its database; it
     *             may run more than once and must be harmless the second time
     */
    static StopSignals install(Runnable stop) {
        StopSignals signals = new StopSignals();
        Runnable ordered = () -> {
            signals.began.set(true);
            stop.run();
        };
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ordered.run();
            signals.exiting.countDown();
        }, "voxloop-shutdown"));
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), s -> {
                    signals.began.set(true);
                    // both are closed whatever the first answers: each waits for its own native calls
                    boolean embedded = EmbeddedModels.close(MODELS);
                    boolean speech = MoonshineModel.close(MODELS);
                    if (!embedded || !speech) {
                        LOG.warn("a model was still loading or running after {} s; stopping anyway",
                                MODELS.toSeconds());
                    }
                    ordered.run();
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
     * Waits until the stop has run and the JVM is exiting; for the command's thread once the stop began, so that it
     * neither returns an exit status of its own nor exits beside the signal handler's exit.
     */
    void awaitExit() throws InterruptedException {
        exiting.await();
    }
}

package dev.voxloop.app.cli;

import dev.voxloop.intent.embedded.EmbeddedModels;
import dev.voxloop.speech.engine.moonshine.MoonshineModel;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT (Ctrl-C) stop the server as the JVM would (shutdown hooks, exit status 128 + signal), but
 * close the in-process models and then the server itself first, before the JVM's shutdown hooks run: libraries
 * stop from hooks of their own, beside ours and in no order. ONNX Runtime releases its environment from one, and a
 * model still loading or running inside it then crashes the JVM (SIGSEGV); H2 closes its databases from one, and
 * the server's workers and housekeeping, still polling, then logged "Database is already closed".
 */
final class StopSignals {

    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);
    private static final Duration MODELS = Duration.ofSeconds(30);

    private StopSignals() {
    }

    /** @param stop stops the server: its requests, workers and housekeeping, and then its database */
    static void install(Runnable stop) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), s -> {
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
    }
}

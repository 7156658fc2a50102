package dev.voxloop.speech.engine;

import dev.voxloop.core.deferred.Deferred;
import dev.voxloop.core.deferred.InFlight;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recognisers loading in this process. The offline engines load from files written at start-up into a
 * temporary directory that is deleted when the process stops; deleted under a decoder still reading it, the load
 * failed as a broken language model. So every load is counted here, and a stop first refuses new loads (they end
 * as {@link Stopped}, said quietly), waits a bounded time for those in flight, and only then deletes such a
 * directory ({@link #deleteAfterLoads}); a directory still loaded from after the wait is left where it is.
 */
public final class RecognizerLoads {

    private static final Logger LOG = LoggerFactory.getLogger(RecognizerLoads.class);
    /** How long a stop waits for a load in flight: one recogniser loads in a few seconds on a busy machine. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);
    static final RecognizerLoads PROCESS = new RecognizerLoads();

    private final InFlight loading = new InFlight();

    /** How long the process's stop waits for a load in flight. */
    public Duration stopWait() {
        return STOP_WAIT;
    }

    /** The process's loads, which every engine's recognisers go through. */
    public static RecognizerLoads process() {
        return PROCESS;
    }

    /**
     * Loads one recogniser, counted in flight.
     *
     * @throws Stopped when the process is stopping: nothing new is loaded then
     */
    Recognizer load(RecognizerLoader loader) throws Exception {
        loading.enter(Stopped::new);
        try {
            return loader.load();
        } finally {
            loading.leave();
        }
    }

    /**
     * Refuses new loads and waits up to {@code limit} for those in flight; safe to repeat.
     *
     * @return true when nothing loads any more
     */
    public boolean stop(Duration limit) {
        return loading.close(limit);
    }

    /**
     * For a stop: refuses new loads, waits up to {@code limit} for those in flight, then deletes {@code dir} and what
     * it holds; when a load still runs after the wait, the directory is left (a temporary one harms nothing).
     */
    public void deleteAfterLoads(Path dir, Duration limit) {
        if (!stop(limit)) {
            LOG.info("left {}: a recogniser still loads from it", dir);
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // gone already, or the process is ending: a leftover temporary directory harms nothing
            LOG.debug("could not delete {}: {}", dir, e.toString());
        }
    }

    /** A load refused because the process is stopping. */
    public static final class Stopped extends Deferred.Abandoned {
        public Stopped() {
            super("voxloop is stopping");
        }
    }
}

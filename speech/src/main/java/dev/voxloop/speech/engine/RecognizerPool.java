package dev.voxloop.speech.engine;

import dev.voxloop.core.deferred.Deferred;
import dev.voxloop.core.transcript.EngineStatus;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's loaded recognisers. They load once in the background ({@link #loaded()}, started by the engine's
 * {@code warm()} or its first request); a request borrows one and gives it back. A recogniser that failed in an
 * unexpected way may be left in a bad state (half-built buffers, a dead native handle), so it is closed and a
 * fresh one is loaded in the background while the others go on; until it is back the engine reports itself
 * degraded.
 */
final class RecognizerPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RecognizerPool.class);
    private static final int REBUILD_ATTEMPTS = 5;

    private final String name;
    private final RecognizerLoader loader;
    private final RecognizerLoads loads;
    private final BlockingQueue<Recognizer> idle = new LinkedBlockingQueue<>();
    private final Deferred<Integer> loaded;
    private final AtomicInteger rebuilding = new AtomicInteger();
    private volatile String lastFailure;
    private volatile boolean gaveUp;
    private volatile boolean closed;

    RecognizerPool(String name, RecognizerLoader loader, int size) {
        this(name, loader, size, RecognizerLoads.process());
    }

    /** @param loads where the process counts recogniser loads, so its stop waits for them */
    RecognizerPool(String name, RecognizerLoader loader, int size, RecognizerLoads loads) {
        this.name = name;
        this.loader = loader;
        this.loads = loads;
        this.loaded = new Deferred<>("speech engine '" + name + "'", () -> {
            for (int i = 0; i < size; i++) {
                // closed meanwhile (the process stops): the recogniser is closed at once, not left to the exit
                giveBack(load());
            }
            return size;
        });
    }

    private Recognizer load() {
        try {
            return loads.load(loader);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The first load of every recogniser: started by {@link Deferred#start()}, waited for by requests. */
    Deferred<Integer> loaded() {
        return loaded;
    }

    Recognizer borrow() throws InterruptedException {
        return idle.take();
    }

    void giveBack(Recognizer r) {
        if (closed) {
            r.close();
        } else {
            idle.add(r);
        }
    }

    /** Closes a recogniser that failed and loads a new one in its place in the background. */
    void replace(Recognizer broken, Throwable why) {
        lastFailure = String.valueOf(why);
        LOG.warn("speech engine '{}': a recogniser failed ({}); rebuilding it", name, lastFailure);
        closeQuietly(broken);
        rebuilding.incrementAndGet();
        daemon(() -> {
            boolean counted = true;
            try {
                for (int attempt = 1; attempt <= REBUILD_ATTEMPTS && !closed; attempt++) {
                    try {
                        Recognizer rebuilt = loads.load(loader);
                        // no longer rebuilding before it serves: a request it answers must not see a degraded engine
                        rebuilding.decrementAndGet();
                        counted = false;
                        giveBack(rebuilt);
                        LOG.info("speech engine '{}': recogniser rebuilt", name);
                        return;
                    } catch (RecognizerLoads.Stopped e) {
                        LOG.info("speech engine '{}': not rebuilding a recogniser: {}", name, e.getMessage());
                        return;
                    } catch (Exception | LinkageError e) {
                        lastFailure = String.valueOf(e);
                        LOG.warn("speech engine '{}': rebuild attempt {} failed: {}", name, attempt, lastFailure);
                        TimeUnit.SECONDS.sleep(attempt);
                    }
                }
                gaveUp = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                if (counted) {
                    rebuilding.decrementAndGet();
                }
            }
        }, "speech-" + name + "-rebuild").start();
    }

    EngineStatus status() {
        if (loaded.failure().isPresent()) {
            return new EngineStatus(EngineStatus.State.FAILED, "could not load: "
                    + loaded.failure().get().getMessage());
        }
        if (!loaded.ready()) {
            return new EngineStatus(EngineStatus.State.LOADING, loaded.started() ? "loading its models"
                    : "loads on first use or when the server starts");
        }
        if (gaveUp) {
            return new EngineStatus(EngineStatus.State.FAILED, "a recogniser failed and could not be rebuilt: "
                    + lastFailure);
        }
        if (rebuilding.get() > 0) {
            return new EngineStatus(EngineStatus.State.DEGRADED, "rebuilding a recogniser after a failure: "
                    + lastFailure);
        }
        return new EngineStatus(EngineStatus.State.READY, "model loaded");
    }

    @Override
    public void close() {
        closed = true;
        Recognizer r;
        while ((r = idle.poll()) != null) {
            closeQuietly(r);
        }
    }

    private static void closeQuietly(Recognizer r) {
        try {
            r.close();
        } catch (RuntimeException e) {
            LOG.debug("closing a recogniser failed: {}", e.toString());
        }
    }

    private static Thread daemon(Runnable r, String threadName) {
        Thread t = new Thread(r, threadName);
        t.setDaemon(true);
        return t;
    }
}

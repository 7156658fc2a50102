package dev.voxloop.core.deferred;

import dev.voxloop.core.problem.Problem;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value that takes seconds of CPU to build (speech recognisers, the embedding model), built once on a
 * background thread. Building starts when {@link #start()} is called (the server calls it once it answers
 * requests, so models do not slow its start-up) or when the first caller waits, whichever comes first. Callers
 * always wait with a bound, and either get the value or learn that it is still loading or failed to load.
 *
 * <p>Every heavy engine loads through this, so they all start late, log alike and fail alike.
 */
public final class Deferred<T> {

    private static final Logger LOG = LoggerFactory.getLogger(Deferred.class);

    /**
     * Building was given up because the process is stopping (the model refuses new loads, or what it loads from is
     * going away): kept as the failure like any other, but logged as what it is, not as a broken model.
     */
    public static class Abandoned extends IllegalStateException {
        public Abandoned(String message) {
            super(message);
        }
    }

    private final String what;
    private final Supplier<T> build;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CompletableFuture<T> value = new CompletableFuture<>();

    /**
     * @param what  what is being built, for log lines and messages, e.g. "speech engine 'offline'"
     * @param build builds the value; may take seconds; a failure is kept and reported to every caller
     */
    public Deferred(String what, Supplier<T> build) {
        this.what = what;
        this.build = build;
    }

    /** Starts building on a background thread unless that has begun already; returns at once. */
    public void start() {
        if (started.compareAndSet(false, true)) {
            Thread.ofPlatform().name("voxloop-load-" + what.replaceAll("[^A-Za-z0-9]+", "-")).daemon(true)
                    .start(this::build);
        }
    }

    /** True once building has begun (from {@link #start()} or a caller's wait). */
    public boolean started() {
        return started.get();
    }

    /** True once the value is built (false while loading and after a failure). */
    public boolean ready() {
        return value.isDone() && !value.isCompletedExceptionally();
    }

    /** Why building failed, once it has. */
    public Optional<Throwable> failure() {
        if (!value.isCompletedExceptionally()) {
            return Optional.empty();
        }
        try {
            value.join();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getCause() != null ? e.getCause() : e);
        }
    }

    /**
     * Starts building if needed and waits up to {@code limit}.
     *
     * @return the value, or empty when it is not built within the limit, failed, or the wait was interrupted
     *         (the thread's interrupt flag is then set again)
     */
    public Optional<T> await(Duration limit) {
        start();
        try {
            return Optional.of(value.get(limit.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Starts building if needed and waits up to {@code limit}.
     *
     * @throws Problem UNAVAILABLE when the value is still loading after {@code limit}, failed to load, or the wait
     *                 was interrupted; the message names {@code what} and says which
     */
    public T get(Duration limit) {
        start();
        try {
            return value.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new Problem(Problem.Kind.UNAVAILABLE, "The " + what + " is still loading; try again shortly");
        } catch (ExecutionException e) {
            throw new Problem(Problem.Kind.UNAVAILABLE, "The " + what + " is unavailable: "
                    + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Problem(Problem.Kind.UNAVAILABLE, "Interrupted while waiting for the " + what);
        }
    }

    private void build() {
        long t0 = System.nanoTime();
        try {
            T v = build.get();
            LOG.info("{} ready in {} ms", what, (System.nanoTime() - t0) / 1_000_000);
            value.complete(v);
        } catch (Abandoned e) {
            LOG.info("{} not loaded: {}", what, e.getMessage());
            value.completeExceptionally(e);
        } catch (Throwable e) {
            // kept, not swallowed: every caller of get() or await() learns of it; LinkageError matters here (a
            // native library that does not load on this machine)
            LOG.warn("{} could not be loaded: {}", what, e.toString());
            value.completeExceptionally(e);
        }
    }
}

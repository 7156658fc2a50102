package dev.voxloop.speech.engine;

import dev.voxloop.core.audio.AudioUpload;
import dev.voxloop.core.deferred.Deferred;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.transcript.SpeechToText;
import dev.voxloop.core.transcript.Transcript;
import dev.voxloop.speech.audio.AudioIntake;
import dev.voxloop.speech.audio.SpeechAudio;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any recogniser behind the {@link SpeechToText} port: models load once in the background ({@link Deferred}, from
 * {@link #warm()} or the first request), a fixed number of workers (each with its own recogniser) take requests
 * from a bounded queue, and every transcription has a time limit. A request that arrives while the models load
 * waits for them, up to a bound.
 */
public final class WarmEngine implements SpeechToText, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WarmEngine.class);

    private final String name;
    private final AudioIntake intake;
    private final Duration timeout;
    private final Duration startupWait;
    private final BlockingQueue<Recognizer> pool;
    private final Deferred<Integer> loaded;
    private final ThreadPoolExecutor workers;

    /**
     * @param workers     recognisers (and threads) to run at once
     * @param queueLimit  requests that may wait beyond those; more are turned away with 429
     * @param timeout     limit for one transcription (decode only, not the wait for the models)
     * @param startupWait how long a request waits for the models to finish loading
     */
    public WarmEngine(String name, RecognizerLoader loader, AudioIntake intake, int workers, int queueLimit,
                      Duration timeout, Duration startupWait) {
        this.name = name;
        this.intake = intake;
        this.timeout = timeout;
        this.startupWait = startupWait;
        this.pool = new LinkedBlockingQueue<>();
        AtomicInteger ids = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, queueLimit)), r -> {
                    Thread t = new Thread(r, "speech-" + name + "-" + ids.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.loaded = new Deferred<>("speech engine '" + name + "'", () -> {
            for (int i = 0; i < workers; i++) {
                pool.add(load(loader));
            }
            return workers;
        });
    }

    private static Recognizer load(RecognizerLoader loader) {
        try {
            return loader.load();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void warm() {
        loaded.start();
    }

    @Override
    public boolean ready() {
        return loaded.ready();
    }

    /** Starts loading if needed and blocks until the recognisers are loaded (or failed); for benchmarks. */
    public boolean awaitReady(Duration limit) {
        return loaded.await(limit).isPresent();
    }

    @Override
    public Transcript transcribe(AudioUpload upload) {
        SpeechAudio audio = intake.prepare(upload);
        return transcribe(audio);
    }

    public Transcript transcribe(SpeechAudio audio) {
        loaded.get(startupWait);
        Job job = new Job(audio);
        Future<Heard> future;
        try {
            future = workers.submit(job);
        } catch (RejectedExecutionException e) {
            throw new Problem(Problem.Kind.TOO_MANY_REQUESTS,
                    "The speech engine is busy with other recordings; try again in a moment", null);
        }
        try {
            Heard heard = waitFor(future, job);
            double decode = (job.finished - job.started) / 1e9;
            return new Transcript(heard.text(), heard.language(), audio.originalSeconds(), decode, name,
                    heard.confidence(), heard.segments());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new Problem(Problem.Kind.UNAVAILABLE, "Transcription was interrupted", null, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Problem p) {
                throw p;
            }
            LOG.warn("speech engine '{}' failed: {}", name, String.valueOf(cause));
            throw new Problem(Problem.Kind.UNAVAILABLE, "The speech engine '" + name + "' failed on this recording",
                    null, cause);
        }
    }

    /** One transcription on a worker thread; records when it really started so queueing is not timed. */
    private final class Job implements java.util.concurrent.Callable<Heard> {
        private final SpeechAudio audio;
        private volatile long started;
        private volatile long finished;
        private volatile Recognizer recognizer;

        Job(SpeechAudio audio) {
            this.audio = audio;
        }

        @Override
        public Heard call() throws Exception {
            Recognizer r = pool.take();
            recognizer = r;
            started = System.nanoTime();
            try {
                return r.recognize(audio);
            } finally {
                finished = System.nanoTime();
                pool.add(r);
            }
        }
    }

    private Heard waitFor(Future<Heard> future, Job job) throws InterruptedException, ExecutionException {
        long submitted = System.nanoTime();
        long limit = timeout.toNanos();
        while (true) {
            try {
                return future.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                long now = System.nanoTime();
                boolean overdue = job.started != 0 ? now - job.started > limit : now - submitted > limit * 4;
                if (overdue) {
                    future.cancel(true);
                    Recognizer r = job.recognizer;
                    if (r != null) {
                        r.abandon();
                    }
                    throw new Problem(Problem.Kind.TIMEOUT, "Transcription took longer than "
                            + Math.max(1, timeout.toSeconds()) + " s and was stopped", null);
                }
            }
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        Recognizer r;
        while ((r = pool.poll()) != null) {
            r.close();
        }
    }
}

package dev.voxloop.speech.engine;

import dev.voxloop.core.audio.AudioUpload;
import dev.voxloop.core.deferred.Deferred;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.transcript.EngineStatus;
import dev.voxloop.core.transcript.SpeechToText;
import dev.voxloop.core.transcript.Transcript;
import dev.voxloop.speech.audio.AudioIntake;
import dev.voxloop.speech.audio.SpeechAudio;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
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
 * waits for them, up to a bound. A recogniser that fails unexpectedly fails only its request and is rebuilt
 * ({@link RecognizerPool}).
 */
public final class WarmEngine implements SpeechToText, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WarmEngine.class);

    private final String name;
    private final String description;
    private final AudioIntake intake;
    private final Duration timeout;
    private final Duration startupWait;
    private final RecognizerPool pool;
    private final ThreadPoolExecutor workers;

    /**
     * @param workers     recognisers (and threads) to run at once
     * @param queueLimit  requests that may wait beyond those; more are turned away with 429
     * @param timeout     limit for one transcription (decode only, not the wait for the models)
     * @param startupWait how long a request waits for the models to finish loading
     */
    public WarmEngine(String name, RecognizerLoader loader, AudioIntake intake, int workers, int queueLimit,
                      Duration timeout, Duration startupWait) {
        this(name, name, loader, intake, workers, queueLimit, timeout, startupWait);
    }

    /** @param description one line for a person: which recogniser, and what accuracy to expect */
    public WarmEngine(String name, String description, RecognizerLoader loader, AudioIntake intake, int workers,
                      int queueLimit, Duration timeout, Duration startupWait) {
        this.name = name;
        this.description = description;
        this.intake = intake;
        this.timeout = timeout;
        this.startupWait = startupWait;
        AtomicInteger ids = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, queueLimit)), r -> {
                    Thread t = new Thread(r, "speech-" + name + "-" + ids.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.pool = new RecognizerPool(name, loader, workers);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void warm() {
        pool.loaded().start();
    }

    @Override
    public boolean ready() {
        return pool.loaded().ready();
    }

    @Override
    public EngineStatus status() {
        return pool.status();
    }

    /** Starts loading if needed and blocks until the recognisers are loaded (or failed); for benchmarks. */
    public boolean awaitReady(Duration limit) {
        return pool.loaded().await(limit).isPresent();
    }

    @Override
    public Transcript transcribe(AudioUpload upload) {
        SpeechAudio audio = intake.prepare(upload);
        return transcribe(audio);
    }

    public Transcript transcribe(SpeechAudio audio) {
        pool.loaded().get(startupWait);
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
                    heard.confidence(), heard.segments(), heard.hypotheses());
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
            Recognizer r = pool.borrow();
            recognizer = r;
            started = System.nanoTime();
            boolean broken = false;
            try {
                return r.recognize(audio);
            } catch (Problem p) {
                throw p;
            } catch (Exception | LinkageError e) {
                // only this request fails; the recogniser may be in a bad state, so a fresh one replaces it
                broken = true;
                pool.replace(r, e);
                throw e;
            } finally {
                finished = System.nanoTime();
                if (!broken) {
                    pool.giveBack(r);
                }
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
        pool.close();
    }
}

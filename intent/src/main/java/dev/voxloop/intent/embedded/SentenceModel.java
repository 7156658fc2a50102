package dev.voxloop.intent.embedded;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.voxloop.core.deferred.Deferred;
import dev.voxloop.core.deferred.InFlight;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The all-MiniLM-L6-v2 sentence model, built once per process however many parts use it (the extractor's hints
 * and the duplicate finder): building it takes ~1.7 s of CPU and ~90 MB. It owns the model's native lifecycle.
 *
 * <p>ONNX Runtime must not be torn down under a thread that is inside it: when the JVM exits, the native library's
 * static objects are destroyed, and a thread still creating the session or running the model then dies with
 * SIGSEGV and takes the JVM with it; so does ONNX Runtime's own shutdown hook, which releases the environment
 * beside the other hooks. So the load and every embedding pass through here, and {@link #close} refuses new ones
 * and waits for those in flight: the process closes it before it exits ({@link EmbeddedModels}), and a shutdown
 * hook of the shared model does as a last resort for other ways out. Nothing native is closed:
 * not the process-wide OrtEnvironment, nor the session, which another thread may be using; the process's exit frees
 * them once nobody is inside.
 */
final class SentenceModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SentenceModel.class);
    /** How long stopping waits for a load or an embedding in flight: a load takes a few seconds on a busy machine. */
    static final Duration DRAIN = Duration.ofSeconds(30);
    private static final String DJL_TRACKING = "OPT_OUT_TRACKING";
    private static final SentenceModel SHARED = new SentenceModel(AllMiniLmL6V2EmbeddingModel::new);

    private final Supplier<EmbeddingModel> build;
    private final Object buildLock = new Object();
    private final EmbeddingModel guarded = new Guarded();
    private final InFlight calls = new InFlight();
    private volatile EmbeddingModel model;
    private boolean hooked;

    /** @param build builds the model (creates the native session); called at most once */
    SentenceModel(Supplier<EmbeddingModel> build) {
        this.build = build;
    }

    /** The process's model, loaded on first use; the JVM's shutdown waits for its native work in flight. */
    static EmbeddingModel shared() {
        SHARED.closeAtShutdown();
        return SHARED.load();
    }

    /** Closes the process's model: see {@link #close(Duration)}. */
    static boolean closeShared(Duration limit) {
        return SHARED.close(limit);
    }

    /**
     * Builds the model unless built already, and returns it; each of its embeddings is waited for by {@link #close}.
     *
     * @throws Closed when closed (the process is stopping): nothing native is started any more
     */
    EmbeddingModel load() {
        return inFlight(() -> {
            synchronized (buildLock) {
                if (model == null) {
                    // the tokenizer library (DJL) otherwise "calls home" while the model loads: it asks the EC2
                    // metadata address for a token and, on AWS, reports the instance to DJL's makers; a local
                    // server makes no such call (seen as a start-up HTTP keep-alive thread in the soak)
                    if (System.getProperty(DJL_TRACKING) == null) {
                        System.setProperty(DJL_TRACKING, "true");
                    }
                    model = build.get();
                }
            }
            return guarded;
        });
    }

    /**
     * Refuses new loads and embeddings and waits up to {@code limit} for those in flight; safe from any thread and
     * to repeat.
     *
     * @return true when nothing is in flight any more
     */
    boolean close(Duration limit) {
        return calls.close(limit);
    }

    @Override
    public void close() {
        if (!close(DRAIN)) {
            LOG.warn("the sentence model was still loading or running after {} s; stopping anyway", DRAIN.toSeconds());
        }
    }

    private void closeAtShutdown() {
        synchronized (this) {
            if (hooked || calls.closed()) {
                return;
            }
            hooked = true;
        }
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(this::close, "voxloop-sentence-model-close"));
        } catch (IllegalStateException e) {
            // the JVM is stopping already: start nothing native
            close(Duration.ZERO);
        }
    }

    /** Runs {@code call} counted in flight, so {@link #close} waits for it; refused once closed. */
    private <R> R inFlight(Supplier<R> call) {
        calls.enter(Closed::new);
        try {
            return call.get();
        } finally {
            calls.leave();
        }
    }

    /** The model is closed because the process is stopping; callers answer without it. */
    static final class Closed extends Deferred.Abandoned {
        Closed() {
            super("the sentence model is closed: voxloop is stopping");
        }
    }

    /** The built model, each call counted in flight for {@link #close}. */
    private final class Guarded implements EmbeddingModel {

        @Override
        public Response<Embedding> embed(String text) {
            return inFlight(() -> model.embed(text));
        }

        @Override
        public Response<Embedding> embed(TextSegment segment) {
            return inFlight(() -> model.embed(segment));
        }

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            return inFlight(() -> model.embedAll(segments));
        }

        @Override
        public int dimension() {
            return inFlight(() -> model.dimension());
        }
    }
}

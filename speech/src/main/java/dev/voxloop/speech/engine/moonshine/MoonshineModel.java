package dev.voxloop.speech.engine.moonshine;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.voxloop.core.deferred.InFlight;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Moonshine model, the English speech-to-text models of Useful Sensors (MIT licence; 8-bit weights), as their
 * makers publish them in their npm package, and built into voxloop's jar: an encoder that turns 16 kHz audio of
 * any length into hidden states, and a decoder that writes Llama-tokenizer tokens from them. Each size is loaded
 * once per process and its two sessions are shared by every recogniser: ONNX Runtime runs one session from
 * several threads.
 *
 * <p>ONNX Runtime must not be torn down under a thread that is inside it (the JVM's exit destroys the native
 * library's statics, and ONNX Runtime's own shutdown hook releases its environment beside ours; a thread still
 * inside then crashes the JVM). So every native call passes through {@link #enter()}, and {@link #close(Duration)}
 * refuses new ones and waits for those in flight; the process calls it before it exits. Nothing native is freed:
 * the process's exit does that once nobody is inside.
 */
public final class MoonshineModel {

    static final String RESOURCES = "/dev/voxloop/speech/engine/moonshine/";
    private static final String TOKENIZER = RESOURCES + "tokenizer/llama-tokenizer.js";
    private static final Object LOAD = new Object();
    private static final Map<MoonshineSize, MoonshineModel> SHARED = new ConcurrentHashMap<>();
    /** Every call into ONNX Runtime: model loads and transcriptions. */
    private static final InFlight NATIVE = new InFlight();

    static final int START_TOKEN = 1;
    static final int END_TOKEN = 2;

    final MoonshineSize size;
    final OrtEnvironment environment;
    final OrtSession encoder;
    final OrtSession decoder;
    final TokenPieces pieces;

    private MoonshineModel(MoonshineSize size, OrtEnvironment environment, OrtSession encoder, OrtSession decoder,
                           TokenPieces pieces) {
        this.size = size;
        this.environment = environment;
        this.encoder = encoder;
        this.decoder = decoder;
        this.pieces = pieces;
    }

    /** Whether this build carries the model (a jar built without it, e.g. offline with an empty cache, does not). */
    public static boolean available(MoonshineSize size) {
        return MoonshineModel.class.getResource(size.encoder()) != null
                && MoonshineModel.class.getResource(size.decoder()) != null
                && MoonshineModel.class.getResource(TOKENIZER) != null;
    }

    /** The process's model of that size, loaded on first use (about a second). */
    static MoonshineModel shared(MoonshineSize size) throws OrtException {
        MoonshineModel m = SHARED.get(size);
        if (m != null) {
            return m;
        }
        enter();
        try {
            synchronized (LOAD) {
                if (!SHARED.containsKey(size)) {
                    OrtEnvironment env = OrtEnvironment.getEnvironment();
                    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                    options.setIntraOpNumThreads(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
                    options.setInterOpNumThreads(1);
                    SHARED.put(size, new MoonshineModel(size, env, env.createSession(bytes(size.encoder()), options),
                            env.createSession(bytes(size.decoder()), options),
                            TokenPieces.fromScript(new String(bytes(TOKENIZER), StandardCharsets.UTF_8))));
                }
                return SHARED.get(size);
            }
        } finally {
            exit();
        }
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = MoonshineModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("this build has no " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws Closed when the process is stopping: no native work starts any more */
    static void enter() {
        NATIVE.enter(Closed::new);
    }

    static void exit() {
        NATIVE.leave();
    }

    /**
     * Refuses new native work and waits up to {@code limit} for the work in flight.
     *
     * @return whether nothing was left inside ONNX Runtime
     */
    public static boolean close(Duration limit) {
        return NATIVE.close(limit);
    }

    /** Thrown instead of starting native work while the process stops. */
    static final class Closed extends IllegalStateException {
        Closed() {
            super("the speech model is closed: the process is stopping");
        }
    }
}

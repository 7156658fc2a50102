package dev.voxloop.intent.embedded;

import java.time.Duration;

/**
 * Stopping the process's in-process models. ONNX Runtime releases its environment from a shutdown hook of its own,
 * which runs beside voxloop's hooks, not after them: a model load or embedding still in flight then crashes the JVM.
 * So whatever ends the process (the CLI's exit, serve's SIGTERM) closes the models first, and only then exits.
 */
public final class EmbeddedModels {

    private EmbeddedModels() {
    }

    /**
     * Refuses new loads and embeddings of the shared sentence model and waits up to {@code limit} for those in
     * flight (nothing native is closed); safe to repeat.
     *
     * @return true when nothing is in flight any more
     */
    public static boolean close(Duration limit) {
        return SentenceModel.closeShared(limit);
    }
}

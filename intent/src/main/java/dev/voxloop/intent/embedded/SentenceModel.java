package dev.voxloop.intent.embedded;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

/**
 * The all-MiniLM-L6-v2 sentence model, built once per process however many parts use it (the extractor's hints
 * and the duplicate finder): building it takes ~1.7 s of CPU and ~90 MB.
 */
final class SentenceModel {

    private static EmbeddingModel model;

    private SentenceModel() {
    }

    static synchronized EmbeddingModel shared() {
        if (model == null) {
            model = new AllMiniLmL6V2EmbeddingModel();
        }
        return model;
    }
}

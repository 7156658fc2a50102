package dev.voxloop.intent.embedded;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

/**
 * The all-MiniLM-L6-v2 sentence model, built once per process however many parts use it (the extractor's hints
 * and the duplicate finder): building it takes ~1.7 s of CPU and ~90 MB.
 */
final class SentenceModel {

    private static final String DJL_TRACKING = "OPT_OUT_TRACKING";
    private static EmbeddingModel model;

    private SentenceModel() {
    }

    static synchronized EmbeddingModel shared() {
        if (model == null) {
            // the tokenizer library (DJL) otherwise "calls home" while the model loads: it asks the EC2 metadata
            // address for a token and, on AWS, reports the instance to DJL's makers; a local server makes no such
            // call (seen as a start-up HTTP keep-alive thread in the soak)
            if (System.getProperty(DJL_TRACKING) == null) {
                System.setProperty(DJL_TRACKING, "true");
            }
            model = new AllMiniLmL6V2EmbeddingModel();
        }
        return model;
    }
}

package dev.voxloop.app.pipeline;

import java.util.Map;

/** The pipeline suite on the embedded defaults: H2 file database, built-in tracker. */
class PipelineOnH2Test extends PipelineContract {

    @Override
    Map<String, Object> baseConfig() {
        return Map.of();
    }
}

package dev.voxloop.app.pipeline;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/** The same pipeline suite on PostgreSQL (scripts/test starts one and sets VOXLOOP_TEST_DB_URL). */
@Tag("postgres")
class PipelineOnPostgresTest extends PipelineContract {

    private final String schema = "pipeline_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @BeforeEach
    void needsPostgres() {
        assumeTrue(System.getenv("VOXLOOP_TEST_DB_URL") != null, "VOXLOOP_TEST_DB_URL not set");
    }

    @Override
    Map<String, Object> baseConfig() {
        return Map.of("db.url", System.getenv("VOXLOOP_TEST_DB_URL"),
                "db.user", System.getenv().getOrDefault("VOXLOOP_TEST_DB_USER", "voxloop"),
                "db.password", System.getenv().getOrDefault("VOXLOOP_TEST_DB_PASSWORD", "voxloop"),
                "db.schema", schema);
    }
}

package dev.voxloop.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.intent.Extraction;
import dev.voxloop.core.intent.IntentExtractor;
import dev.voxloop.core.intent.IntentRequest;
import dev.voxloop.core.testing.KeywordExtractor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The original serialised every run behind one lock; different sessions now run side by side. */
class ConcurrencyHttpTest {

    /** Lets no extraction finish until {@code parties} of them are in progress at the same time. */
    static final class Rendezvous implements IntentExtractor {
        final CyclicBarrier barrier;
        final KeywordExtractor inner = new KeywordExtractor();

        Rendezvous(int parties) {
            barrier = new CyclicBarrier(parties);
        }

        public String name() {
            return "rendezvous";
        }

        public Extraction extract(IntentRequest request) {
            try {
                barrier.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("extractions did not overlap", e);
            }
            return inner.extract(request);
        }
    }

    @Test
    void differentSessionsRunInParallel() {
        int n = 4;
        try (TestServer server = TestServer.builder().extractor(new Rendezvous(n)).start()) {
            List<CompletableFuture<TestServer.Response>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(CompletableFuture.supplyAsync(() ->
                        server.postJson("/api/pipeline/run", "{\"text\": \"" + PipelineHttpTest.CLEAR + "\"}")));
            }
            for (var c : calls) {
                TestServer.Response r = c.join();
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                assertThat(r.json().get("status").asText()).isEqualTo("preview_needed");
            }
        }
    }
}

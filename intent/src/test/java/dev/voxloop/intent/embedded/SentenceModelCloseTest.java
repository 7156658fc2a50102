package dev.voxloop.intent.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing the sentence model while another thread is inside ONNX Runtime (creating the session, or running it)
 * waits for that thread to come out, and nothing native starts after it: the JVM may then exit without a thread
 * inside the native library (which crashed it with SIGSEGV). Each model here is a fresh real session of the bundled
 * all-MiniLM-L6-v2 files, so every test creates one for real.
 */
@Tag("slow")
class SentenceModelCloseTest {

    @TempDir
    static Path dir;
    private static Path onnx;
    private static Path tokenizer;

    @BeforeAll
    static void bundledFiles() throws IOException {
        onnx = copy("/all-minilm-l6-v2.onnx");
        tokenizer = copy("/all-minilm-l6-v2-tokenizer.json");
    }

    @Test
    void closeFromAnotherThreadDuringTheLoadWaitsForTheSessionAndStartsNothingAfter() throws Exception {
        CountDownLatch building = new CountDownLatch(1);
        AtomicBoolean built = new AtomicBoolean();
        SentenceModel model = new SentenceModel(() -> {
            building.countDown();
            EmbeddingModel m = fresh();
            built.set(true);
            return m;
        });
        CompletableFuture<EmbeddingModel> load = CompletableFuture.supplyAsync(model::load);
        assertThat(building.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Boolean> closed = CompletableFuture.supplyAsync(() -> model.close(Duration.ofSeconds(60)));

        assertThat(closed.get(90, TimeUnit.SECONDS)).isTrue();
        assertThat(built).as("close returned only after the session was created").isTrue();
        EmbeddingModel loaded = load.get(1, TimeUnit.SECONDS);
        assertThatThrownBy(() -> loaded.embed("the login page is slow")).isInstanceOf(SentenceModel.Closed.class);
        assertThatThrownBy(model::load).isInstanceOf(SentenceModel.Closed.class);
        assertThat(model.close(Duration.ZERO)).as("closing again").isTrue();
    }

    @Test
    void closeDuringAnEmbeddingWaitsForTheRunToFinish() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean ran = new AtomicBoolean();
        EmbeddingModel session = fresh();
        SentenceModel model = new SentenceModel(() -> new EmbeddingModel() {
            @Override
            public dev.langchain4j.model.output.Response<List<dev.langchain4j.data.embedding.Embedding>> embedAll(
                    List<TextSegment> segments) {
                running.countDown();
                var out = session.embedAll(segments);
                ran.set(true);
                return out;
            }
        });
        EmbeddingModel loaded = model.load();
        List<TextSegment> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(TextSegment.from("ticket " + i + ": the booking page shows the wrong date after a reload"));
        }
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> loaded.embedAll(many).content().size());
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(model.close(Duration.ofSeconds(60))).isTrue();

        assertThat(ran).as("close returned only after the run came out of the session").isTrue();
        assertThat(run.get(1, TimeUnit.SECONDS)).isEqualTo(200);
        assertThatThrownBy(() -> loaded.embedAll(many)).isInstanceOf(SentenceModel.Closed.class);
    }

    @Test
    void closedBeforeAnyLoadNeverCreatesASessionAndRepeatedClosesFromManyThreadsAgree() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        SentenceModel model = new SentenceModel(() -> {
            builds.incrementAndGet();
            return fresh();
        });
        List<CompletableFuture<Boolean>> closes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            closes.add(CompletableFuture.supplyAsync(() -> model.close(Duration.ofSeconds(5))));
        }
        for (CompletableFuture<Boolean> c : closes) {
            assertThat(c.get(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThatThrownBy(model::load).isInstanceOf(SentenceModel.Closed.class);
        assertThat(builds).hasValue(0);
    }

    @Test
    void aCloseThatOutwaitsItsLimitSaysSoAndTheLoadStillCompletes() throws Exception {
        CountDownLatch building = new CountDownLatch(1);
        SentenceModel model = new SentenceModel(() -> {
            building.countDown();
            return fresh();
        });
        CompletableFuture<EmbeddingModel> load = CompletableFuture.supplyAsync(model::load);
        assertThat(building.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(model.close(Duration.ofMillis(1))).isFalse();

        assertThat(load.get(60, TimeUnit.SECONDS)).isNotNull();
        assertThat(model.close(Duration.ofSeconds(5))).isTrue();
    }

    private static EmbeddingModel fresh() {
        return new OnnxEmbeddingModel(onnx, tokenizer, PoolingMode.MEAN);
    }

    private static Path copy(String resource) throws IOException {
        Path out = dir.resolve(resource.substring(1));
        try (InputStream in = OnnxEmbeddingModel.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Files.copy(in, out);
        }
        return out;
    }
}

package dev.voxloop.intent.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.voxloop.core.intent.IntentRequest;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.intent.TestData;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The loading contract, with a small stand-in model (hashed bag of words) instead of the 90 MB ONNX one:
 * creation never blocks, extraction waits for the model up to the bound, a failed load leaves the rules working.
 */
class MiniLmHintsTest {

    /** Deterministic word-hash vectors: similar words, similar vectors; enough to exercise the plumbing. */
    static final class WordHashModel implements EmbeddingModel {
        private final long loadMillis;

        WordHashModel(long loadMillis) {
            this.loadMillis = loadMillis;
        }

        WordHashModel load() {
            try {
                Thread.sleep(loadMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return this;
        }

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            return new Response<>(segments.stream().map(s -> {
                float[] v = new float[64];
                for (String w : Words.tokens(s.text())) {
                    v[Math.floorMod(Words.stem(w).hashCode(), 64)] += 1;
                }
                return Embedding.from(v);
            }).toList());
        }
    }

    @Test
    void creationReturnsAtOnceAndTheFirstExtractionWaitsForTheModel() {
        long t0 = System.nanoTime();
        MiniLmHints hints = new MiniLmHints(() -> new WordHashModel(800).load(), Duration.ofSeconds(30));
        assertThat((System.nanoTime() - t0) / 1_000_000).as("creation must not wait for the model").isLessThan(300);
        assertThat(hints.ready()).isFalse();

        SemanticHints.Evidence e = hints.evidence("the export crashes when saving", TestData.PROJECTS);
        assertThat(hints.ready()).isTrue();
        assertThat(e.types()).containsKeys(IssueType.BUG, IssueType.STORY, IssueType.TASK, IssueType.EPIC);
        assertThat(e.projects()).containsKeys("BOOK", "EVT", "SHOP", "TRACK", "OPS");
    }

    @Test
    void warmingLoadsTheModelWithoutARequest() throws Exception {
        MiniLmHints hints = new MiniLmHints(() -> new WordHashModel(100).load(), Duration.ofSeconds(30));
        Thread.sleep(200);
        assertThat(hints.ready()).as("nothing loads before warm()").isFalse();
        hints.warm();
        long deadline = System.currentTimeMillis() + 30_000;
        while (!hints.ready() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(hints.ready()).isTrue();
    }

    @Test
    void aModelSlowerThanTheBoundGivesRulesOnlyUntilItIsReady() throws Exception {
        MiniLmHints hints = new MiniLmHints(() -> new WordHashModel(1_000).load(), Duration.ofMillis(50));
        assertThat(hints.evidence("the export crashes", TestData.PROJECTS)).isEqualTo(SemanticHints.Evidence.NONE);
        long deadline = System.currentTimeMillis() + 30_000;
        while (!hints.ready() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(hints.evidence("the export crashes", TestData.PROJECTS).types()).isNotEmpty();
    }

    @Test
    void aModelThatCannotLoadLeavesTheRulesWorking() {
        MiniLmHints hints = new MiniLmHints(() -> {
            throw new IllegalStateException("no onnxruntime for this platform");
        }, Duration.ofSeconds(5));
        EmbeddedExtractor extractor = new EmbeddedExtractor(hints);
        var ex = extractor.extract(IntentRequest.of("Create a bug in StoreIt: checkout crashes on Safari",
                TestData.PROJECTS));
        assertThat(ex.draft().projectKey()).isEqualTo("SHOP");
        assertThat(ex.draft().issueType()).isEqualTo(IssueType.BUG);
        assertThat(extractor.modelReady()).isFalse();
        assertThat(hints.evidence("the export crashes", TestData.PROJECTS)).isEqualTo(SemanticHints.Evidence.NONE);
    }

    @Test
    void typePrototypesAreGenericAndCoverEveryMainType() {
        var prototypes = MiniLmHints.readPrototypes();
        assertThat(prototypes).containsKeys(IssueType.BUG, IssueType.STORY, IssueType.TASK, IssueType.EPIC);
        assertThat(prototypes.values()).allSatisfy(list -> assertThat(list).hasSizeGreaterThanOrEqualTo(6));
        assertThat(prototypes.values().stream().flatMap(List::stream))
                .as("no product names in prototypes").noneMatch(s -> s.matches("(?i).*\\b(bookit|storeit|eventit|trackit)\\b.*"));
    }
}

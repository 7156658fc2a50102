package dev.voxloop.intent.embedded;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.voxloop.intent.TestData;
import dev.voxloop.intent.bench.IntentBench;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScratchSimsTest {
    @Test
    void print() throws Exception {
        MiniLmHints h = new MiniLmHints(AllMiniLmL6V2EmbeddingModel::new, Duration.ofSeconds(120));
        for (IntentBench.Row r : IntentBench.read(TestData.intentDir().resolve("dev.tsv"))) {
            String w = RequestText.work(r.text(), List.of("BookIt","EventIt","StoreIt","TrackIt","Platform"));
            System.out.printf("%s %s | %s | %s | cues %s%n", r.type(), r.project(), w, fmt(h.evidence(w, TestData.PROJECTS).types()) + " " + fmt(h.evidence(w, TestData.PROJECTS).projects()), TypeCues.score(w));
        }
    }
    static String fmt(java.util.Map<?, Double> m) {
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> b.append(k).append('=').append(String.format("%.3f", v)).append(' '));
        return b.toString();
    }
}

package dev.voxloop.intent.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.voxloop.core.intent.IntentRequest;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.transcript.Hypothesis;
import dev.voxloop.intent.TestData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each likely reading of heard words is judged by an embedding of its own words, as typed words would be: when the
 * likelier readings say something else than the best one, their own embeddings carry it. Readings too unlikely to
 * change the vote are judged by the best reading's embedding and cost nothing.
 */
class ReadingEvidenceTest {

    /**
     * Every type prototype lands on its type's axis; a request lands on the Bug axis when it says "widget", else on
     * the Story axis; the projects' phrases on an axis of their own. Remembers what it was asked to embed.
     */
    static final class AxisModel implements EmbeddingModel {
        private final Map<String, IssueType> prototypes = new HashMap<>();
        final List<String> embedded = Collections.synchronizedList(new ArrayList<>());

        AxisModel() {
            MiniLmHints.readPrototypes().forEach((type, sentences) -> sentences.forEach(s -> prototypes.put(s, type)));
        }

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            return new Response<>(segments.stream().map(s -> Embedding.from(vector(s.text()))).toList());
        }

        private float[] vector(String text) {
            float[] v = new float[IssueType.values().length + 1];
            IssueType type = prototypes.get(text);
            if (type != null) {
                v[type.ordinal()] = 1;
                return v;
            }
            if (TestData.PROJECTS.stream().anyMatch(p -> text.contains(p.description().substring(0, 12))
                    || p.description().contains(text))) {
                v[v.length - 1] = 1;
                return v;
            }
            embedded.add(text);
            v[(text.contains("widget") ? IssueType.BUG : IssueType.STORY).ordinal()] = 1;
            return v;
        }
    }

    private final AxisModel model = new AxisModel();
    private final EmbeddedExtractor extractor = new EmbeddedExtractor(new MiniLmHints(() -> model,
            Duration.ofSeconds(30)));

    private IssueType heard(List<Hypothesis> readings) {
        return extractor.extract(new IntentRequest(readings.getFirst().text(), List.of(), List.of(), null,
                TestData.PROJECTS, null, readings)).draft().issueType();
    }

    @Test
    void theLikelierReadingsOwnWordsDecideTheType() {
        String best = "the thing on the admin page for the shop owners";
        assertThat(heard(List.of(new Hypothesis(best, 1)))).as("the best reading alone").isEqualTo(IssueType.STORY);

        IssueType type = heard(List.of(new Hypothesis(best, 0.4),
                new Hypothesis("the widget on the admin page for the shop owners", 0.35),
                new Hypothesis("the widgets on the admin page for the shop owners", 0.25)));
        assertThat(type).isEqualTo(IssueType.BUG);
        assertThat(model.embedded).contains("the widget on the admin page for the shop owners",
                "the widgets on the admin page for the shop owners");
    }

    @Test
    void anUnlikelyReadingIsNotEmbedded() {
        String best = "the thing on the admin page for the shop owners";
        IssueType type = heard(List.of(new Hypothesis(best, 0.97),
                new Hypothesis("the widget on the admin page for the shop owners", 0.03)));

        assertThat(type).isEqualTo(IssueType.STORY);
        assertThat(model.embedded).doesNotContain("the widget on the admin page for the shop owners");
    }
}

package dev.voxloop.server.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.transcript.Transcript;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Numbers are rounded for people: scores and confidences to two decimals, seconds to two. */
class WireShapesRoundingTest {

    @Test
    void scoresAndConfidencesHaveTwoDecimals() {
        Map<String, Object> preview = WireShapes.preview("s1", "text", TicketDraft.empty(), 0.30000000000000004,
                Map.of("summary", 0.8999999999999999, "project", 0.123456), List.of(), List.of());

        assertThat(preview.get("confidence")).isEqualTo(Map.of("summary", 0.9, "project", 0.12));
        assertThat(((Map<?, ?>) preview.get("intent")).get("ambiguity_score")).isEqualTo(0.3);
    }

    @Test
    void transcriptSecondsHaveTwoDecimals() {
        Map<String, Object> t = WireShapes.transcript(new Transcript("hi", "en", 3.2049999, 0.41234, "offline",
                0.876543, List.of()));

        assertThat(t.get("duration")).isEqualTo(3.2);
        assertThat(t.get("decode_seconds")).isEqualTo(0.41);
        assertThat(t.get("confidence")).isEqualTo(0.88);
    }
}

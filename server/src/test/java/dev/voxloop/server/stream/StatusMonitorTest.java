package dev.voxloop.server.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.event.Stage;
import dev.voxloop.core.event.StoredEvent;
import dev.voxloop.core.intake.IntakeState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusMonitorTest {

    final StatusMonitor monitor = new StatusMonitor();
    long seq;

    List<Map<String, Object>> stage(String session, Stage stage, String message) {
        return monitor.apply(new StoredEvent(++seq, new PipelineEvent.StageChanged(Instant.now(), session, stage,
                message)));
    }

    @Test
    void memoryIsBoundedAndMessagesTruncated() {
        for (int i = 0; i < 500; i++) {
            stage("s" + i, Stage.EXTRACTING, "x".repeat(1000));
        }
        Map<String, Object> snap = monitor.connectSnapshot();
        assertThat((List<?>) snap.get("event_log")).hasSize(StatusMonitor.MAX_EVENTS);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> nodes = (Map<String, Map<String, Object>>) snap.get("nodes");
        assertThat((String) nodes.get("extracting").get("message")).hasSize(StatusMonitor.MAX_MESSAGE);
    }

    @Test
    void anEndedRunIsNotLiveOnConnectButIsLiveWhenItHappens() {
        stage("a", Stage.EXTRACTING, "Extracting");
        List<Map<String, Object>> live = stage("a", Stage.DONE, "Ticket created: BOOK-1");
        assertThat(live).hasSize(1);
        assertThat(live.getFirst().get("current_node")).isEqualTo("done");
        assertThat(live.getFirst().get("snapshot")).isEqualTo(false);

        Map<String, Object> onConnect = monitor.connectSnapshot();
        assertThat(onConnect.get("current_node")).isNull();
        assertThat(onConnect.get("last_node")).isEqualTo("done");
        assertThat(onConnect.get("snapshot")).isEqualTo(true);
        assertThat(onConnect.get("seq")).isEqualTo(2L);
    }

    @Test
    void anExpiredQuestionEndsTheRun() {
        stage("a", Stage.CLARIFYING, "Which project?");
        assertThat(monitor.connectSnapshot().get("current_node")).isEqualTo("clarifying");
        List<Map<String, Object>> out = monitor.apply(new StoredEvent(++seq,
                new PipelineEvent.IntakeEnded(Instant.now(), "a", IntakeState.EXPIRED, "no answer in time")));
        assertThat(out).hasSize(1);
        assertThat(monitor.connectSnapshot().get("current_node")).isNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> task = (Map<String, Object>) monitor.connectSnapshot().get("task_info");
        assertThat(task.get("status")).isEqualTo("expired");
    }
}

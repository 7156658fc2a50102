package dev.voxloop.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.event.Stage;
import dev.voxloop.core.intake.IntakeSession;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.queue.QueueStatus;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.store.event.JdbiEventLog;
import dev.voxloop.store.intake.JdbiIntakeRepository;
import dev.voxloop.store.queue.JdbiLoopQueue;
import dev.voxloop.store.ticket.BuiltinTracker;
import dev.voxloop.store.ticket.TrackerProjects;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

public abstract class DatabaseContract extends StoreContract {

    private static final Instant T = Instant.parse("2026-11-25T07:00:00Z");

    @Test
    void isMigratedAndAnswers() {
        assertThat(db.ping()).isTrue();
        List<String> versions = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE AND \"version\" IS NOT NULL")
                .mapTo(String.class).list());
        assertThat(versions).contains("1", "2", "3", "4");
        assertThat(db.describe()).doesNotContain("password").contains(db.dialect().name());
    }

    @Test
    void everythingSurvivesARestart() {
        var sessions = new JdbiIntakeRepository(db);
        IntakeSession session = sessions.insert(IntakeSession.received("restart00001", true, "keep me", T));
        new JdbiLoopQueue(db).enqueue("BOOK-1", "keep me");
        new JdbiEventLog(db, 100).append(new PipelineEvent.StageChanged(T, "restart00001", Stage.PREVIEWING, "x"));
        new BuiltinTracker(db, TrackerProjects.DEFAULTS, "http://x").create(new TicketDraft("Keep me", "", List.of(),
                IssueType.TASK, Priority.LOW, "BOOK", null, List.of()), new Provenance("restart00001", true, "s", T));

        reopen();

        assertThat(new JdbiIntakeRepository(db).find("restart00001")).contains(session);
        assertThat(new JdbiLoopQueue(db).find("BOOK-1").orElseThrow().status()).isEqualTo(QueueStatus.PENDING);
        assertThat(new JdbiEventLog(db, 100).about("restart00001", 10)).hasSize(1);
        BuiltinTracker tracker = new BuiltinTracker(db, TrackerProjects.DEFAULTS, "http://x");
        assertThat(tracker.find("BOOK-1").orElseThrow().summary()).isEqualTo("Keep me");
        assertThat(tracker.create(new TicketDraft("Next", "", List.of(), null, null, "BOOK", null, List.of()),
                new Provenance("restart00002", false, "n", T)).key()).isEqualTo("BOOK-2");
        assertThat(new JdbiLoopQueue(db).claim("w", Duration.ofMinutes(1))).isPresent();
    }
}

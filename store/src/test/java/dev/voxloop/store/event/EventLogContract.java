package dev.voxloop.store.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.event.PipelineEvent.ChecksFinished;
import dev.voxloop.core.event.PipelineEvent.ClarificationNeeded;
import dev.voxloop.core.event.PipelineEvent.CostUpdated;
import dev.voxloop.core.event.PipelineEvent.GateEvaluated;
import dev.voxloop.core.event.PipelineEvent.IntakeEnded;
import dev.voxloop.core.event.PipelineEvent.IterationFinished;
import dev.voxloop.core.event.PipelineEvent.LoopCompleted;
import dev.voxloop.core.event.PipelineEvent.LoopStageChanged;
import dev.voxloop.core.event.PipelineEvent.LoopStarted;
import dev.voxloop.core.event.PipelineEvent.Merged;
import dev.voxloop.core.event.PipelineEvent.PreviewReady;
import dev.voxloop.core.event.PipelineEvent.PullRequestOpened;
import dev.voxloop.core.event.PipelineEvent.RunFinished;
import dev.voxloop.core.event.PipelineEvent.StageChanged;
import dev.voxloop.core.event.PipelineEvent.StuckDetected;
import dev.voxloop.core.event.PipelineEvent.TicketCreated;
import dev.voxloop.core.event.PipelineEvent.TicketQueued;
import dev.voxloop.core.event.PipelineEvent.Transcribed;
import dev.voxloop.core.event.Stage;
import dev.voxloop.core.event.StoredEvent;
import dev.voxloop.core.intake.IntakeState;
import dev.voxloop.core.intent.Clarification;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.store.Json;
import dev.voxloop.store.StoreContract;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

public abstract class EventLogContract extends StoreContract {

    private static final Instant T = Instant.parse("2026-11-25T09:00:00.123456789Z");

    private JdbiEventLog log;

    @BeforeEach
    void log() {
        log = new JdbiEventLog(db, 1_000);
    }

    /** One instance of every event type, with awkward values (nanos, unicode, quotes, nulls, big numbers). */
    static List<PipelineEvent> everyType() {
        TicketDraft draft = new TicketDraft("Fix \"quotes\" & <tags>", "Line 1\nLine 2 — ünïcode", List.of("AC 1"),
                IssueType.STORY, Priority.LOWEST, "SHOP", null, List.of("VOICE_INITIATED"));
        return List.of(
                new StageChanged(T, "abc123def456", Stage.EXTRACTING, "Extracting intent"),
                new ClarificationNeeded(T, "abc123def456", new Clarification("project", "Which one?",
                        List.of("BookIt", "StoreIt"), 2), List.of("Which one?"), 0.65, "partial", 2),
                new PreviewReady(T, "abc123def456", "the text | BookIt", draft, Map.of("summary", 0.91, "project", 1.0),
                        List.of("flag"), List.of("acceptance_criteria"), 0.1),
                new PipelineEvent.TranscriptConfirmationNeeded(T, "abc123def456", "add a wish list to store it",
                        0.4567891234, "offline", 0.6, T.plusSeconds(1800)),
                new PipelineEvent.TranscriptConfirmationNeeded(T, "abc123def456", "", null, "remote", 0.0, null),
                new PipelineEvent.TranscriptConfirmed(T, "abc123def456", "Add a wish list to StoreIt — ünïcode", true),
                new TicketCreated(T, "abc123def456", "SHOP-12", "http://127.0.0.1:8000/tickets/SHOP-12", "Fix it"),
                new IntakeEnded(T, "abc123def456", IntakeState.EXPIRED, null),
                new Transcribed(T, "abc123def456", "whisper.cpp", 3.25, 0.7071067811865476, "hej"),
                new TicketQueued(T, "SHOP-12", "Fix it"),
                new LoopStarted(T, "SHOP-12", "worker-1"),
                new LoopCompleted(T, "SHOP-12", false, "tests failed"),
                new LoopStageChanged(T, "run-1", "SHOP-12", LoopState.ITERATING, "iteration 2"),
                new IterationFinished(T, "run-1", "SHOP-12", 2, "added test", 9_000_000_000L, 12L),
                new GateEvaluated(T, "run-1", "SHOP-12", "tests", true, "42 passed"),
                new StuckDetected(T, "run-1", "SHOP-12", "same error", 3),
                new CostUpdated(T, "run-1", "SHOP-12", 0.1 + 0.2, 123_456L),
                new RunFinished(T, "run-1", "SHOP-12", LoopState.MERGED, null, "done"),
                new PullRequestOpened(T, "run-1", "SHOP-12", "https://example.test/pr/7", 7),
                new ChecksFinished(T, "run-1", "SHOP-12", true, "all green"),
                new PipelineEvent.HealingStarted(T, "run-1", "SHOP-12", 1, "lint", "docs"),
                new PipelineEvent.ReviewFinished(T, "run-1", "SHOP-12", 7, "voxloop-rules", "REQUEST_CHANGES", 2, 1, 1),
                new PipelineEvent.EgressRefused(T, "SHOP-12", "exfil.example.org", 443, "not on the allowlist"),
                new PipelineEvent.SandboxLimitReached(T, "SHOP-12", "sh -c yes", "stopped after 4096 KiB of output"),
                new Merged(T, "run-1", "SHOP-12", "0123456789abcdef0123456789abcdef01234567"));
    }

    @Test
    void everyEventTypeIsCoveredAndRoundTripsExactly() {
        List<PipelineEvent> samples = everyType();
        assertThat(samples.stream().map(Object::getClass).distinct())
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(PipelineEvent.class.getPermittedSubclasses()));

        samples.forEach(log::append);

        List<StoredEvent> read = log.after(0, 100);
        assertThat(read).extracting(StoredEvent::event).containsExactlyElementsOf(samples);
        assertThat(read).extracting(e -> e.event().type()).contains("stage_changed", "clarification_needed",
                "pull_request_opened");
    }

    @Test
    void seqIsStrictlyIncreasingAndAfterPages() {
        List<StoredEvent> appended = IntStream.range(0, 10)
                .mapToObj(i -> log.append(new StageChanged(T, "s" + (i % 2), Stage.RECORDING, "m" + i))).toList();

        assertThat(appended).extracting(StoredEvent::seq).isSorted().doesNotHaveDuplicates();
        assertThat(log.lastSeq()).isEqualTo(appended.getLast().seq());
        long third = appended.get(2).seq();
        assertThat(log.after(third, 3)).extracting(StoredEvent::seq)
                .containsExactly(appended.get(3).seq(), appended.get(4).seq(), appended.get(5).seq());
        assertThat(log.after(log.lastSeq(), 10)).isEmpty();
    }

    @Test
    void aboutFiltersBySubject() {
        log.append(new StageChanged(T, "sess1", Stage.EXTRACTING, "a"));
        log.append(new TicketQueued(T, "BOOK-1", "x"));
        log.append(new StageChanged(T, "sess1", Stage.DONE, "b"));
        log.append(new LoopStarted(T, "BOOK-1", "w"));

        assertThat(log.about("sess1", 10)).extracting(e -> ((StageChanged) e.event()).message()).containsExactly("a", "b");
        assertThat(log.about("BOOK-1", 1)).extracting(e -> e.event().type()).containsExactly("ticket_queued");
        assertThat(log.about("nobody", 10)).isEmpty();
    }

    @Test
    void emptyLogHasSeqZero() {
        assertThat(log.lastSeq()).isZero();
        assertThat(log.after(0, 10)).isEmpty();
    }

    @Test
    void retainKeepsOnlyTheNewestEvents() {
        for (int i = 0; i < 20; i++) {
            log.append(new StageChanged(T, "s", Stage.RECORDING, "m" + i));
        }
        long last = log.lastSeq();

        assertThat(log.retain(5)).isEqualTo(15);

        assertThat(log.after(0, 100)).extracting(e -> ((StageChanged) e.event()).message())
                .containsExactly("m15", "m16", "m17", "m18", "m19");
        assertThat(log.lastSeq()).isEqualTo(last);
        assertThat(log.retain(5)).isZero();
        assertThat(log.append(new StageChanged(T, "s", Stage.DONE, "next")).seq()).isGreaterThan(last);
    }

    @Test
    void aNewLogPrunesToItsLimitOnItsFirstAppendAndAgainWhileAppending() {
        for (int i = 0; i < 12; i++) {
            log.append(new TicketQueued(T, "K-" + i, "x"));
        }

        JdbiEventLog small = new JdbiEventLog(db, new Json(), 4, 10);
        assertThat(small.after(0, 100)).hasSize(12);
        small.append(new TicketQueued(T, "M-1", "x"));
        assertThat(small.after(0, 100)).hasSize(4);

        for (int i = 0; i < 10; i++) {
            small.append(new TicketQueued(T, "N-" + i, "x"));
        }
        assertThat(small.after(0, 1000)).hasSize(4);
    }

    @Test
    void rowsOfAnUnknownTypeAreSkipped() {
        log.append(new TicketQueued(T, "K-1", "x"));
        db.jdbi().useHandle(h -> h.execute("INSERT INTO pipeline_events (event_type, subject, occurred_at, payload) "
                + "VALUES ('retired_event', 'K-1', NULL, '{}')"));
        log.append(new TicketQueued(T, "K-2", "y"));

        assertThat(log.after(0, 10)).extracting(e -> e.event().subject()).containsExactly("K-1", "K-2");
        assertThat(log.about("K-1", 10)).hasSize(1);
    }
}

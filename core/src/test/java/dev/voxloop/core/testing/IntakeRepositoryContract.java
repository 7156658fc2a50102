package dev.voxloop.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.intake.HeardTranscript;
import dev.voxloop.core.intake.IntakeRepository;
import dev.voxloop.core.intake.IntakeSession;
import dev.voxloop.core.intake.IntakeState;
import dev.voxloop.core.intent.Clarification;
import dev.voxloop.core.intent.Extraction;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.transcript.Hypothesis;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The documented semantics of {@link IntakeRepository}, for every implementation (the in-memory fixture and the
 * durable stores): extend it and return a fresh, empty repository.
 */
public abstract class IntakeRepositoryContract {

    protected static final Instant T0 = Instant.parse("2026-11-25T10:15:30.123456789Z");

    protected IntakeRepository repo;

    protected abstract IntakeRepository newRepository();

    @BeforeEach
    void fresh() {
        repo = newRepository();
    }

    protected static Extraction extraction() {
        TicketDraft draft = new TicketDraft("Calendar crashes on Safari", "When opening the week view\nit crashes.",
                List.of("Week view opens on Safari 17", "No console errors"), IssueType.BUG, Priority.HIGH, "BOOK",
                "BOOK-7", List.of("VOICE_INITIATED", "safari"));
        return new Extraction(draft, List.of("component"), List.of("BookIt or StoreIt?"),
                Map.of("summary", 0.9, "issue_type", 0.75, "priority", 0.3333333333333333),
                List.of("possible_injection: ignore previous"), List.of("Which browser version?"), 0.42, "rules");
    }

    /** A session with every field set (text with quotes, markup and non-ASCII; nanosecond times). */
    protected static IntakeSession full(String id) {
        Clarification q = new Clarification("project", "Is this for BookIt or StoreIt?", List.of("BookIt", "StoreIt"), 1);
        IntakeSession s = IntakeSession.received(id, true, "Create a high priority bug: \"calendar\" <crashes> ünïcode",
                T0).withHeard(new HeardTranscript("create a high priority bug calendar crashes", 0.5432109876, "offline",
                HeardTranscript.Confirmation.CORRECTED)).moveTo(IntakeState.EXTRACTING, T0.plusNanos(1)).withExtraction(extraction())
                .moveTo(IntakeState.CLARIFYING, T0.plusMillis(5)).asking(q, T0.plus(Duration.ofMinutes(15)));
        return s.answered("BookIt").asking(q, T0.plus(Duration.ofMinutes(30))).failed("note");
    }

    @Test
    void insertStartsAtVersionOneAndRoundTripsEveryField() {
        IntakeSession stored = repo.insert(full("a1b2c3d4e5f6"));

        assertThat(stored.version()).isEqualTo(1);
        assertThat(repo.find("a1b2c3d4e5f6")).contains(stored);
        IntakeSession found = repo.find("a1b2c3d4e5f6").orElseThrow();
        assertThat(found.extraction()).isEqualTo(extraction());
        assertThat(found.pending().choices()).containsExactly("BookIt", "StoreIt");
        assertThat(found.questions()).hasSize(2);
        assertThat(found.answers()).containsExactly("BookIt");
        assertThat(found.heard()).isEqualTo(new HeardTranscript("create a high priority bug calendar crashes",
                0.5432109876, "offline", HeardTranscript.Confirmation.CORRECTED));
        assertThat(found.createdAt().truncatedTo(ChronoUnit.MICROS)).isEqualTo(T0.truncatedTo(ChronoUnit.MICROS));
        assertThat(found.expiresAt().truncatedTo(ChronoUnit.MICROS))
                .isEqualTo(T0.plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void theEnginesReadingsOfUncheckedWordsRoundTrip() {
        // a restart must draft the same: the N best readings the draft was weighed on are stored with the words
        HeardTranscript heard = new HeardTranscript("add a story in budget", 0.71, "offline",
                HeardTranscript.Confirmation.NOT_ASKED, List.of(new Hypothesis("add a story in budget", 0.6123456789),
                new Hypothesis("add a story in bookit \"ünï\"", 0.3876543211)));
        repo.insert(IntakeSession.received("a1", true, "add a story in budget", T0).withHeard(heard));

        assertThat(repo.find("a1").orElseThrow().heard()).isEqualTo(heard);
        assertThat(repo.find("a1").orElseThrow().heard().readings()).hasSize(2);
    }

    @Test
    void emptySessionRoundTrips() {
        IntakeSession stored = repo.insert(IntakeSession.received("000000000001", false, null, T0));

        IntakeSession found = repo.find("000000000001").orElseThrow();
        assertThat(found).isEqualTo(stored);
        assertThat(found.extraction()).isNull();
        assertThat(found.pending()).isNull();
        assertThat(found.text()).isNull();
        assertThat(found.heard()).isNull();
        assertThat(found.expiresAt()).isNull();
        assertThat(repo.find("nope")).isEmpty();
        assertThat(repo.find(null)).isEmpty();
    }

    @Test
    void insertingAnExistingIdIsAConflict() {
        repo.insert(IntakeSession.received("dup", false, "x", T0));

        assertThatThrownBy(() -> repo.insert(IntakeSession.received("dup", false, "y", T0)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.CONFLICT));
    }

    @Test
    void updateBumpsTheVersionAndAStaleWriterGetsConflict() {
        IntakeSession v1 = repo.insert(IntakeSession.received("s1", false, "text", T0));
        IntakeSession v2 = repo.update(v1.moveTo(IntakeState.EXTRACTING, T0.plusSeconds(1)));

        assertThat(v2.version()).isEqualTo(2);
        assertThat(repo.find("s1").orElseThrow().state()).isEqualTo(IntakeState.EXTRACTING);

        IntakeSession stale = v1.moveTo(IntakeState.FAILED, T0.plusSeconds(2));
        assertThatThrownBy(() -> repo.update(stale))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.CONFLICT));
        assertThat(repo.find("s1").orElseThrow()).isEqualTo(v2);
    }

    @Test
    void updatingAMissingSessionIsNotFound() {
        IntakeSession ghost = IntakeSession.received("ghost", false, "x", T0).withVersion(1);

        assertThatThrownBy(() -> repo.update(ghost))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.NOT_FOUND));
    }

    @Test
    void ofConcurrentWritersOfOneVersionExactlyOneWins() throws Exception {
        IntakeSession v1 = repo.insert(IntakeSession.received("race", false, "text", T0));

        List<String> outcomes = Concurrently.run(8, i -> {
            try {
                repo.update(v1.withText("writer " + i));
                return "won";
            } catch (Problem p) {
                return p.kind().name();
            }
        });

        assertThat(outcomes).filteredOn("won"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("CONFLICT"::equals).hasSize(7);
        assertThat(repo.find("race").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void expiredBeforeListsOnlyWaitingSessionsPastTheirTime() {
        Clarification q = new Clarification("summary", "What?", List.of(), 1);
        IntakeSession asking = IntakeSession.received("ask", false, "x", T0).moveTo(IntakeState.EXTRACTING, T0)
                .moveTo(IntakeState.CLARIFYING, T0).asking(q, T0.plusSeconds(60));
        IntakeSession previewLater = IntakeSession.received("later", false, "x", T0)
                .moveTo(IntakeState.EXTRACTING, T0).moveTo(IntakeState.PREVIEWING, T0)
                .previewing(List.of(), T0.plusSeconds(600));
        IntakeSession previewEarly = IntakeSession.received("early", false, "x", T0)
                .moveTo(IntakeState.EXTRACTING, T0).moveTo(IntakeState.PREVIEWING, T0)
                .previewing(List.of(), T0.plusSeconds(30));
        repo.insert(asking);
        repo.insert(previewLater);
        repo.insert(previewEarly);
        repo.insert(IntakeSession.received("busy", false, "x", T0));
        repo.insert(IntakeSession.received("check", true, "x", T0).moveTo(IntakeState.TRANSCRIBING, T0)
                .withHeard(new HeardTranscript("x", 0.4, "offline", HeardTranscript.Confirmation.PENDING))
                .moveTo(IntakeState.CONFIRMING, T0).awaitingConfirmation(T0.plusSeconds(90)));

        assertThat(repo.expiredBefore(T0.plusSeconds(120), 10)).extracting(IntakeSession::id)
                .containsExactly("early", "ask", "check");
        assertThat(repo.expiredBefore(T0.plusSeconds(120), 1)).extracting(IntakeSession::id).containsExactly("early");
        assertThat(repo.expiredBefore(T0, 10)).isEmpty();
    }

    @Test
    void interruptedListsSessionsLeftMidStep() {
        repo.insert(IntakeSession.received("r", false, "x", T0));
        repo.insert(IntakeSession.received("e", false, "x", T0).moveTo(IntakeState.EXTRACTING, T0.plusSeconds(1)));
        repo.insert(IntakeSession.received("c", false, "x", T0).moveTo(IntakeState.EXTRACTING, T0)
                .moveTo(IntakeState.CREATING, T0.plusSeconds(2)));
        repo.insert(IntakeSession.received("f", false, "x", T0).moveTo(IntakeState.FAILED, T0));
        repo.insert(IntakeSession.received("p", false, "x", T0).moveTo(IntakeState.EXTRACTING, T0)
                .moveTo(IntakeState.PREVIEWING, T0));

        assertThat(repo.interrupted(10)).extracting(IntakeSession::id).containsExactly("r", "e", "c");
    }

    @Test
    void interruptedAndExpiredFollowUpdates() {
        Instant now = Instant.now();
        IntakeSession a = repo.insert(IntakeSession.received("aaaaaaaaaaaa", false, "x", now));
        repo.update(a.moveTo(IntakeState.EXTRACTING, now));
        IntakeSession b = repo.insert(IntakeSession.received("bbbbbbbbbbbb", false, "y", now));
        b = repo.update(b.moveTo(IntakeState.EXTRACTING, now));
        repo.update(b.moveTo(IntakeState.PREVIEWING, now).previewing(List.of(), now.minusSeconds(1)));

        assertThat(repo.interrupted(10)).extracting(IntakeSession::id).containsExactly("aaaaaaaaaaaa");
        assertThat(repo.expiredBefore(now, 10)).extracting(IntakeSession::id).containsExactly("bbbbbbbbbbbb");
        assertThat(repo.find("cccccccccccc")).isEmpty();
    }

    @Test
    void recentIsNewestFirst() {
        for (int i = 0; i < 5; i++) {
            repo.insert(IntakeSession.received("n" + i, false, "x", T0.plusSeconds(i)));
        }

        assertThat(repo.recent(3)).extracting(IntakeSession::id).containsExactly("n4", "n3", "n2");
    }
}

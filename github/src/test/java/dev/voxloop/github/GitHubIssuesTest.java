package dev.voxloop.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.core.ticket.TicketStatus;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.peers.github.Fault;
import dev.voxloop.peers.github.GitHubPeer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitHub Issues as the tracker, against the GitHub peer (requests validated against GitHub's description). */
class GitHubIssuesTest {

    private static final String REPO = "octo/trackit";
    private static final String CREATE = "POST /repos/{owner}/{repo}/issues";

    @TempDir
    Path dir;
    private GitHubPeer peer;
    private GitHubIssues tracker;

    @BeforeEach
    void start() {
        peer = new GitHubPeer(dir).createRepository(REPO, Map.of("README.md", "TrackIt\n"));
        tracker = new GitHubIssues(PeerRepository.api(peer, Duration.ofSeconds(1)),
                List.of(new IssueProject("TRACK", REPO, "TrackIt", "time tracking")), "https://github.com");
    }

    @AfterEach
    void stop() {
        try {
            peer.assertClean();
        } finally {
            peer.close();
        }
    }

    private static TicketDraft draft() {
        return new TicketDraft("Export timesheets as CSV", "People want their hours in a spreadsheet.",
                List.of("a CSV download on the timesheet page", "one row per entry"), IssueType.STORY, Priority.HIGH,
                "TRACK", null, List.of(TicketTracker.VOICE_INITIATED));
    }

    private static Provenance said(String intake) {
        return new Provenance(intake, true, "add a CSV export to TrackIt", Instant.parse("2026-12-06T01:00:00Z"));
    }

    @Test
    void aTicketIsAnIssueReadBackWithItsFields() {
        Ticket t = tracker.create(draft(), said("intake-1"));

        assertThat(t.key()).isEqualTo("TRACK-1");
        assertThat(t.url()).isEqualTo("https://github.com/octo/trackit/issues/1");
        Ticket read = tracker.find("TRACK-1").orElseThrow();
        assertThat(read.summary()).isEqualTo("Export timesheets as CSV");
        assertThat(read.description()).isEqualTo("People want their hours in a spreadsheet.");
        assertThat(read.acceptanceCriteria()).containsExactly("a CSV download on the timesheet page", "one row per entry");
        assertThat(read.issueType()).isEqualTo(IssueType.STORY);
        assertThat(read.priority()).isEqualTo(Priority.HIGH);
        assertThat(read.labels()).containsExactly(TicketTracker.VOICE_INITIATED);
        assertThat(read.intakeId()).isEqualTo("intake-1");
        assertThat(tracker.find("TRACK-99")).isEmpty();
    }

    @Test
    void aCreateIsExactlyOnceEvenWhenGitHubTimesOutAfterMakingIt() {
        Ticket first = tracker.create(draft(), said("intake-2"));
        assertThat(tracker.create(draft(), said("intake-2")).key()).isEqualTo(first.key());

        peer.inject(CREATE, new Fault.TimeoutAfterApplying(Duration.ofSeconds(3)));
        Ticket other = tracker.create(draft(), said("intake-3"));

        assertThat(other.key()).isNotEqualTo(first.key());
        assertThat(peer.issues().count(REPO)).isEqualTo(2);
    }

    @Test
    void commentsLabelsAndClosingWithAReason() {
        Ticket t = tracker.create(draft(), said("intake-4"));
        tracker.comment(t.key(), "Pull request opened: #2");
        tracker.transition(t.key(), TicketStatus.IN_PROGRESS);
        assertThat(tracker.find(t.key()).orElseThrow().status()).isEqualTo("In Progress");

        tracker.transition(t.key(), TicketStatus.DONE);

        Ticket done = tracker.find(t.key()).orElseThrow();
        assertThat(done.status()).isEqualTo("Done");
        assertThat(done.comments()).extracting(c -> c.body()).containsExactly("Pull request opened: #2");
        assertThat(tracker.list("TRACK", 10)).extracting(Ticket::key).containsExactly(t.key());
        assertThatThrownBy(() -> tracker.create(draft().withProjectKey("NOPE"), said("intake-5")))
                .isInstanceOf(Problem.class).hasMessageContaining("NOPE");
    }
}

package dev.voxloop.app.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.app.GitHubTargets;
import dev.voxloop.app.demo.TrackItSample;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.forge.MergeMethod;
import dev.voxloop.core.forge.MergeRequest;
import dev.voxloop.core.loop.LoopFailure;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.core.loop.RunWorkspace;
import dev.voxloop.core.loop.TicketRef;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.github.GitHubSettings;
import dev.voxloop.loop.forge.ForgeStage;
import dev.voxloop.loop.forge.ForgeTarget;
import dev.voxloop.loop.forge.PullRequestReview;
import dev.voxloop.loop.forge.StepResult;
import dev.voxloop.loop.workspace.BranchPublisher;
import dev.voxloop.loop.workspace.Workspace;
import dev.voxloop.loop.workspace.WorkspacePreparer;
import dev.voxloop.peers.github.GitHubPeer;
import dev.voxloop.peers.github.GitHubPeerPerClass;
import dev.voxloop.store.Database;
import dev.voxloop.store.StoreSettings;
import dev.voxloop.store.event.JdbiEventLog;
import dev.voxloop.store.ticket.BuiltinTracker;
import dev.voxloop.store.ticket.TrackerProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person acting on the run's pull request on GitHub while the run waits for its checks: merged there, the run
 * finishes as merged (branch deleted, ticket Done with the merge commit); closed unmerged, the run ends ABORTED with
 * the reason. The loop's forge stage against the GitHub peer, the branch pushed over smart HTTP with the helper.
 */
class GitHubPeopleTest {

    @RegisterExtension
    static final GitHubPeerPerClass GITHUB = new GitHubPeerPerClass();
    private GitHubPeer peer;
    @TempDir
    Path dir;
    private String repo;
    private Database db;
    private BuiltinTracker tracker;
    private ForgeStage stage;
    private ForgeTarget target;
    private Ticket ticket;
    private LoopRun run;

    @BeforeEach
    void openPullRequest() throws Exception {
        peer = GITHUB.peer();
        repo = GITHUB.nextRepository("octo/trackit");
        peer.createRepository(repo, Map.of("README.md", "TrackIt\n"));
        db = Database.open(StoreSettings.embedded(dir.resolve("data")));
        Clock clock = Clock.systemUTC();
        tracker = new BuiltinTracker(db, TrackerProjects.from(ConfigTree.empty()), "http://127.0.0.1:8000", clock);
        stage = new ForgeStage(tracker, new EventBus(new JdbiEventLog(db, 1000)), PullRequestReview.APPROVE_ALL,
                clock, Duration.ofMinutes(5));
        target = GitHubTargets.target(GitHubSettings.from(new ConfigTree(Map.of("github", Map.of("api_url",
                peer.apiUrl(), "token", peer.token())))), repo, peer.cloneUrl(repo), MergeMethod.SQUASH, 3);
        ticket = tracker.create(TrackItSample.ticket("TRACK"), new Provenance("people-" + UUID.randomUUID(), false,
                "Add VAT", clock.instant()));
        Workspace ws = new WorkspacePreparer(dir.resolve("ws"), null, false).prepare("r1", ticket,
                target.cloneSource(), target.access(), "main", null, null, null);
        Files.writeString(ws.dir().resolve("Vat.java"), "class Vat {}\n");
        BranchPublisher.Pushed pushed = new BranchPublisher().commitAndPush(ws, ticket.key() + ": add VAT");
        assertThat(pushed.ok()).as(pushed.output()).isTrue();
        peer.actions().report(repo, pushed.head(), "test", true, "BUILD SUCCESS\n");
        run = LoopRun.start("r1", new TicketRef(ticket.key(), "TRACK"), "w1", "replay", clock.instant())
                .preparedIn(new RunWorkspace(ws.dir().toString(), ws.branch(), "main", ws.baseCommit(), null))
                .pushed(pushed.head()).moveTo(LoopState.PR_OPEN, clock.instant());
        run = ((StepResult.Move) stage.open(run, ticket, target, null)).run();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aPullRequestAPersonMergedOnGitHubFinishesTheRunAsMerged() {
        var merged = target.forge().merge(repo, run.forge().pullRequest(), new MergeRequest(run.forge().head(),
                MergeMethod.MERGE, null, null));

        StepResult seen = stage.checks(run, target);
        assertThat(seen).isInstanceOf(StepResult.Move.class);
        assertThat(((StepResult.Move) seen).to()).isEqualTo(LoopState.MERGING);
        StepResult done = stage.merge(seen.run(), target, r -> {
            throw new AssertionError("nothing to bring up to date");
        });

        assertThat(done).isInstanceOf(StepResult.Merged.class);
        String commit = ((dev.voxloop.core.forge.MergeOutcome.Merged) merged).commit();
        assertThat(peer.tip(repo, "main")).isEqualTo(commit);
        assertThat(peer.tip(repo, run.workspace().branch())).as("the branch is deleted").isNull();
        assertThat(peer.pulls().numbers(repo)).hasSize(1);
        Ticket after = tracker.find(ticket.key()).orElseThrow();
        assertThat(after.status()).isEqualTo("Done");
        assertThat(after.comments()).anyMatch(c -> c.body().contains(commit));
    }

    @Test
    void aPullRequestAPersonClosedOnGitHubEndsTheRunAbortedSayingSo() {
        target.forge().close(repo, run.forge().pullRequest());

        assertThatThrownBy(() -> stage.checks(run, target)).isInstanceOf(LoopFailure.Aborted.class)
                .hasMessageContaining("#" + run.forge().pullRequest()).hasMessageContaining("closed by a person");
        assertThat(peer.tip(repo, "main")).as("nothing merged").isEqualTo(run.workspace().baseCommit());
    }
}

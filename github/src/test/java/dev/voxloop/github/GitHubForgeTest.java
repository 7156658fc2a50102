package dev.voxloop.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.forge.Check;
import dev.voxloop.core.forge.CheckRollup;
import dev.voxloop.core.forge.MergeMethod;
import dev.voxloop.core.forge.MergeOutcome;
import dev.voxloop.core.forge.MergeRequest;
import dev.voxloop.core.forge.Mergeability;
import dev.voxloop.core.forge.PullRequest;
import dev.voxloop.core.forge.PullRequestDraft;
import dev.voxloop.core.forge.Review;
import dev.voxloop.core.forge.ReviewComment;
import dev.voxloop.core.forge.ReviewDraft;
import dev.voxloop.core.testing.CapturedLog;
import dev.voxloop.peers.github.Fault;
import dev.voxloop.peers.github.GitHubPeer;
import dev.voxloop.peers.github.GitHubPeerPerClass;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What GitHub does to a pull request that the built-in forge does not: a create that times out after GitHub made it,
 * rate limits on the merge, red Actions jobs with their logs and re-runs, people's reviews, branch protection and
 * conditional polling. Against the in-process GitHub peer, every request validated against GitHub's description.
 */
class GitHubForgeTest {

    private static final String BRANCH = "feature/TRACK-1-add-vat";
    private static final String CREATE = "POST /repos/{owner}/{repo}/pulls";
    private static final String MERGE = "PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge";

    @RegisterExtension
    static final GitHubPeerPerClass GITHUB = new GitHubPeerPerClass();
    @RegisterExtension
    final CapturedLog log = new CapturedLog("dev.voxloop.github");
    private GitHubPeer peer;
    private PeerRepository hosted;
    private String repo;
    private GitHubForge forge;

    @BeforeEach
    void repository() {
        peer = GITHUB.peer();
        hosted = new PeerRepository(peer, GITHUB.nextRepository("octo/shop"), GITHUB.dir());
        repo = hosted.name;
        forge = PeerRepository.forge(peer, Duration.ofSeconds(1));
    }

    private PullRequest opened(boolean green) {
        hosted.pushChecked(BRANCH, "TRACK-1: add VAT", Map.of("Vat.java", "class Vat {}\n"), green);
        return forge.open(repo, new PullRequestDraft("TRACK-1: Add VAT", "Ticket TRACK-1", BRANCH, "main"));
    }

    private CheckRollup settled(String sha) {
        for (int i = 0; i < 200; i++) {
            CheckRollup r = CheckRollup.of(forge.checks(repo, sha), forge.requiredChecks(repo, "main"));
            if (r.state() != CheckRollup.State.PENDING) {
                return r;
            }
            GitHubPeerWait.pause();
        }
        throw new AssertionError("checks of " + sha + " did not settle");
    }

    @Test
    void aCreateThatTimesOutAfterGitHubMadeItLeavesExactlyOnePullRequest() {
        hosted.pushChecked(BRANCH, "TRACK-1: add VAT", Map.of("Vat.java", "class Vat {}\n"), true);
        peer.inject(CREATE, new Fault.TimeoutAfterApplying(Duration.ofSeconds(3)));

        PullRequest pr = forge.open(repo, new PullRequestDraft("TRACK-1: Add VAT", "", BRANCH, "main"));

        assertThat(peer.pulls().numbers(repo)).containsExactly(pr.number());
    }

    @Test
    void aBadGatewayAfterTheCreateLeavesExactlyOnePullRequest() {
        hosted.pushChecked(BRANCH, "TRACK-1: add VAT", Map.of("Vat.java", "class Vat {}\n"), true);
        peer.inject(CREATE, new Fault.ServerError(502, true));

        PullRequest pr = forge.open(repo, new PullRequestDraft("TRACK-1: Add VAT", "", BRANCH, "main"));

        assertThat(peer.pulls().numbers(repo)).containsExactly(pr.number());
    }

    @Test
    void aSecondaryRateLimitOnTheMergeIsWaitedOutAndMergesExactlyOnce() {
        PullRequest pr = opened(true);
        settled(pr.headSha());
        int before = peer.pulls().merges();
        peer.inject(MERGE, new Fault.SecondaryLimit(403, 1));
        peer.inject(MERGE, new Fault.SecondaryLimit(429, 1));

        long start = System.nanoTime();
        MergeOutcome outcome = forge.merge(repo, pr.number(), new MergeRequest(pr.headSha(), MergeMethod.SQUASH,
                null, null));

        assertThat(outcome).isInstanceOf(MergeOutcome.Merged.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(peer.pulls().merges() - before).isEqualTo(1);
        assertThat(peer.count(MERGE, repo)).isEqualTo(3);
        assertThat(forge.merge(repo, pr.number(), new MergeRequest(pr.headSha(), MergeMethod.SQUASH, null, null)))
                .isEqualTo(new MergeOutcome.Merged(((MergeOutcome.Merged) outcome).commit(), true));
        assertThat(peer.pulls().merges() - before).isEqualTo(1);
    }

    @Test
    void aMergeThatTimesOutAfterGitHubMergedReportsTheMerge() {
        PullRequest pr = opened(true);
        settled(pr.headSha());
        peer.inject(MERGE, new Fault.TimeoutAfterApplying(Duration.ofSeconds(3)));

        MergeOutcome outcome = forge.merge(repo, pr.number(), new MergeRequest(pr.headSha(), MergeMethod.MERGE,
                null, null));

        assertThat(outcome).isInstanceOf(MergeOutcome.Merged.class);
        assertThat(((MergeOutcome.Merged) outcome).commit()).isEqualTo(peer.tip(repo, "main"));
    }

    @Test
    void aFailingJobGivesItsLogAndIsHealedByAFixOrARerun() {
        PullRequest pr = opened(false);
        CheckRollup red = settled(pr.headSha());
        assertThat(red.state()).isEqualTo(CheckRollup.State.FAILURE);
        Check failing = red.failing().getFirst();
        assertThat(forge.checkLog(repo, failing.id())).contains("VatTest.roundsHalfUp:12 expected 25 but was 24");

        peer.actions().rerunsEnd(false, "still red\n");
        forge.rerun(repo, failing.id());
        assertThat(settled(pr.headSha()).state()).isEqualTo(CheckRollup.State.FAILURE);
        forge.rerun(repo, settled(pr.headSha()).failing().getFirst().id());
        assertThat(settled(pr.headSha()).state()).isEqualTo(CheckRollup.State.SUCCESS);

        String fixed = hosted.pushChecked(BRANCH, "TRACK-1: round VAT half up", Map.of("Vat.java", "class Vat { }\n"),
                true);
        assertThat(settled(fixed).state()).isEqualTo(CheckRollup.State.SUCCESS);
        assertThat(forge.merge(repo, pr.number(), new MergeRequest(fixed, MergeMethod.SQUASH, null, null)))
                .isInstanceOf(MergeOutcome.Merged.class);
    }

    @Test
    void aReviewRequestingChangesThenApprovingIsReadWithItsLineComments() {
        PullRequest pr = opened(true);
        peer.conversation().review(repo, pr.number(), "alice", "CHANGES_REQUESTED", "Round half up, please",
                "Vat.java", 1, "use RoundingMode.HALF_UP");
        List<Review> first = forge.reviews(repo, pr.number());
        assertThat(first).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(Review.State.CHANGES_REQUESTED);
            assertThat(r.author()).isEqualTo("alice");
            assertThat(r.comments()).containsExactly(new ReviewComment("Vat.java", 1, "use RoundingMode.HALF_UP"));
        });

        peer.conversation().review(repo, pr.number(), "alice", "APPROVED", "Thanks", null, 0, null);
        assertThat(forge.reviews(repo, pr.number())).extracting(Review::state)
                .containsExactly(Review.State.CHANGES_REQUESTED, Review.State.APPROVED);
    }

    @Test
    void voxloopsOwnVerdictOnItsOwnPullRequestIsPostedAsACommentReview() {
        PullRequest pr = opened(true);

        Review posted = forge.submitReview(repo, pr.number(), new ReviewDraft(ReviewDraft.Verdict.REQUEST_CHANGES,
                "VAT must round half up", List.of(new ReviewComment("Vat.java", 1, "HALF_UP here"))));

        assertThat(posted.state()).isEqualTo(Review.State.COMMENTED);
        assertThat(posted.body()).startsWith("**Changes requested.**");
        assertThat(forge.reviews(repo, pr.number())).singleElement()
                .satisfies(r -> assertThat(r.comments()).containsExactly(new ReviewComment("Vat.java", 1, "HALF_UP here")));
    }

    @Test
    void branchProtectionIsReadAndAMissingRequiredCheckBlocksTheMerge() {
        peer.protect(repo, "main", "test", "lint");
        PullRequest pr = opened(true);
        assertThat(forge.requiredChecks(repo, "main")).containsExactlyInAnyOrder("test", "lint");
        CheckRollup waiting = CheckRollup.of(forge.checks(repo, pr.headSha()), forge.requiredChecks(repo, "main"));
        assertThat(waiting.state()).isEqualTo(CheckRollup.State.PENDING);

        MergeOutcome refused = forge.merge(repo, pr.number(), new MergeRequest(pr.headSha(), MergeMethod.SQUASH,
                null, null));

        assertThat(refused).isInstanceOf(MergeOutcome.NotMergeable.class);
        assertThat(((MergeOutcome.NotMergeable) refused).mergeability()).isEqualTo(Mergeability.BLOCKED);
        assertThat(peer.tip(repo, "main")).isNotEqualTo(pr.headSha());
        peer.actions().status(repo, pr.headSha(), "lint", "success", "lint passed");
        settled(pr.headSha());
        assertThat(forge.merge(repo, pr.number(), new MergeRequest(pr.headSha(), MergeMethod.SQUASH, null, null)))
                .isInstanceOf(MergeOutcome.Merged.class);
    }

    @Test
    void listsLongerThanAPageAreReadToTheEndFollowingTheLinkHeader() {
        Map<String, String> files = new java.util.TreeMap<>();
        for (int i = 0; i < 105; i++) {
            files.put("F" + i + ".java", "class F" + i + " {}\n");
        }
        hosted.pushChecked(BRANCH, "TRACK-1: many files", files, true);
        PullRequest pr = forge.open(repo, new PullRequestDraft("TRACK-1: Add VAT", "", BRANCH, "main"));
        long before = peer.count("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", repo);
        // the peer diffs each of the 105 files with git: under load a page takes longer than the other tests' 1 s
        GitHubForge patient = PeerRepository.forge(peer, Duration.ofSeconds(60));

        assertThat(patient.files(repo, pr.number())).hasSize(105).extracting(f -> f.path()).doesNotHaveDuplicates();
        assertThat(peer.count("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", repo) - before).isEqualTo(2);
    }

    @Test
    void aNextPageOnAnotherHostIsNotFollowed() {
        GitHubApi api = PeerRepository.api(peer, Duration.ofSeconds(1));
        assertThat(api.nextPage("<" + peer.apiUrl() + "/repos/o/r/pulls/1/files?per_page=100&page=2>; rel=\"next\", <"
                + peer.apiUrl() + "/repos/o/r/pulls/1/files?per_page=100&page=3>; rel=\"last\""))
                .isEqualTo("/repos/o/r/pulls/1/files?per_page=100&page=2");
        assertThat(api.nextPage("<https://evil.example/steal?page=2>; rel=\"next\"")).isNull();
        assertThat(api.nextPage("<" + peer.apiUrl() + "/x?page=1>; rel=\"prev\"")).isNull();
    }

    @Test
    void pollingAnUnchangedHeadIsAnsweredNotModified() {
        PullRequest pr = opened(true);
        settled(pr.headSha());
        long before = peer.served().stream().filter(s -> s.status() == 304).count();

        forge.checks(repo, pr.headSha());
        forge.checks(repo, pr.headSha());

        assertThat(peer.served().stream().filter(s -> s.status() == 304).count() - before).isGreaterThanOrEqualTo(4);
    }

    @Test
    void theTokenNeverReachesTheLogs() {
        PullRequest pr = opened(true);
        peer.inject(MERGE, new Fault.SecondaryLimit(403, 1));
        forge.merge(repo, pr.number(), new MergeRequest(settledHead(pr), MergeMethod.SQUASH, null, null));

        assertThat(log.lines()).isNotEmpty().noneMatch(l -> l.contains(peer.token()));
        assertThat(new Credentials.Token(peer.token()).toString()).doesNotContain(peer.token());
    }

    private String settledHead(PullRequest pr) {
        settled(pr.headSha());
        return pr.headSha();
    }
}

package dev.voxloop.forge.builtin;

import static dev.voxloop.forge.ForgeFixture.git;
import static dev.voxloop.forge.ForgeFixture.push;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.forge.Check;
import dev.voxloop.core.forge.CheckRollup;
import dev.voxloop.core.forge.FileChange;
import dev.voxloop.core.forge.MergeMethod;
import dev.voxloop.core.forge.MergeOutcome;
import dev.voxloop.core.forge.MergeRequest;
import dev.voxloop.core.forge.Mergeability;
import dev.voxloop.core.forge.PullRequest;
import dev.voxloop.core.forge.PullRequestDraft;
import dev.voxloop.core.forge.PullRequestState;
import dev.voxloop.core.forge.ReviewComment;
import dev.voxloop.core.forge.ReviewDraft;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.forge.ForgeFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the built-in forge does beyond the {@link dev.voxloop.core.forge.CodeForge} contract
 * ({@link BuiltinForgeContractTest}): its CI's checks and logs, failing tests read from the output, re-runs, the
 * squash commit, a merge record lost in a crash, branches behind their base, pull-request validation and reviews.
 */
class BuiltinForgeTest {

    private static final String CI = "checks:\n  - name: test\n    run: sh test.sh\n";
    private static final String BRANCH = "feature/TRACK-1-add-vat";

    @TempDir
    static Path dir;
    private static ForgeFixture f;
    private static int repositories;
    private String repo;
    private Path work;

    @BeforeAll
    static void forge() {
        f = new ForgeFixture(dir);
    }

    @AfterAll
    static void closeForge() {
        f.close();
    }

    /** Each test has a repository of its own on the one forge. */
    @BeforeEach
    void repository() {
        repo = "trackit-" + ++repositories;
        work = f.hosted(repo, Map.of(".voxloop/ci.yaml", CI, "test.sh", "echo all good\n", "README.md", "hi\n"));
    }

    @Test
    void theLogOfACheckIdThatIsNoNumberIsNotFoundNotACrash() {
        for (String id : List.of("e308944c1ec3", "\uD83D\uDE80", "", "99999999999999999999")) {
            assertThatThrownBy(() -> f.forge.checkLog(repo, id)).as(id).isInstanceOfSatisfying(Problem.class,
                    p -> assertThat(p.kind()).isEqualTo(Problem.Kind.NOT_FOUND));
        }
    }

    @Test
    void aBodyThatIsNotGitsProtocolIsABadRequestNotAServerError() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        for (String service : List.of("git-upload-pack", "git-receive-pack")) {
            byte[] noise = new byte[48];
            new java.util.Random(7).nextBytes(noise);
            for (byte[] body : List.of(noise, "zzzz0000".getBytes(), "0032want 0000000000000000000000000000000000000000\n0000".getBytes())) {
                var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(f.url(repo) + "/" + service))
                        .header("Content-Type", "application/x-" + service + "-request")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(service + " " + new String(body) + " " + r.body()).isEqualTo(400);
            }
        }
        // and git itself still fetches and pushes
        push(work, "feature/after-garbage", "TRACK-1: still works", Map.of("B.java", "class B {}\n"));
    }

    private PullRequest openPr() {
        push(work, BRANCH, "TRACK-1: add VAT", Map.of("Vat.java", "class Vat {}\n"));
        return f.forge.open(repo, new PullRequestDraft("TRACK-1: Add VAT", "body", BRANCH, "main"));
    }

    private CheckRollup settled(String sha) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            CheckRollup r = CheckRollup.of(f.forge.checks(repo, sha), f.forge.requiredChecks(repo, "main"));
            if (r.state() != CheckRollup.State.PENDING) {
                return r;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("checks did not finish: " + f.forge.checks(repo, sha));
    }

    @Test
    void aPullRequestsChecksRunInACleanCloneAndItsFilesAndCommitsAreReadFromGit() throws Exception {
        PullRequest pr = openPr();
        assertThat(pr.number()).isEqualTo(1);
        assertThat(pr.url()).isEqualTo("http://forge.test/#/repos/" + repo + "/pulls/1");

        CheckRollup r = settled(pr.headSha());
        assertThat(r.state()).isEqualTo(CheckRollup.State.SUCCESS);
        assertThat(r.checks()).extracting(Check::name).containsExactly("pr-validation", "test");
        Check test = r.checks().get(1);
        assertThat(f.forge.checkLog(repo, test.id())).contains("all good");
        assertThat(test.startedAt()).isNotNull();
        assertThat(f.forge.pullRequest(repo, 1).mergeable()).isEqualTo(Mergeability.CLEAN);
        assertThat(f.forge.files(repo, 1)).extracting(FileChange::path, FileChange::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Vat.java", FileChange.Status.ADDED));
        assertThat(f.forge.commits(repo, 1)).extracting(c -> c.subject()).containsExactly("TRACK-1: add VAT");
    }

    @Test
    void aFailingCheckNamesTheFailingTestsAndANewPushStartsFreshChecks() throws Exception {
        PullRequest pr = openPr();
        settled(pr.headSha());
        String second = push(work, BRANCH, "TRACK-1: break it", Map.of("test.sh",
                "echo 'FAIL: VatTest.roundsHalfUp'\nexit 1\n"));
        PullRequest moved = f.forge.pullRequest(repo, pr.number());
        assertThat(moved.headSha()).isEqualTo(second);
        CheckRollup r = settled(second);
        assertThat(r.state()).isEqualTo(CheckRollup.State.FAILURE);
        Check failed = r.failing().getFirst();
        assertThat(failed.failingTests()).containsExactly("VatTest.roundsHalfUp");
        assertThat(failed.summary()).contains("exit 1");
        assertThat(f.forge.pullRequest(repo, 1).mergeable()).isEqualTo(Mergeability.BLOCKED);
        assertThat(f.forge.merge(repo, 1, new MergeRequest(second, MergeMethod.SQUASH, null, null)))
                .isInstanceOf(MergeOutcome.NotMergeable.class);

        f.forge.rerun(repo, failed.id());
        assertThat(settled(second).checks()).filteredOn(c -> c.name().equals("test")).singleElement()
                .satisfies(c -> assertThat(c.id()).isNotEqualTo(failed.id()));
        assertThat(f.store.timeline(repo, 1)).extracting(t -> t.kind()).contains("opened", "pushed");
    }

    @Test
    void aSquashIsOneCommitTitledAfterThePullRequest() throws Exception {
        openPr();
        push(work, BRANCH, "TRACK-1: second commit", Map.of("Vat2.java", "class Vat2 {}\n"));
        String head = f.forge.pullRequest(repo, 1).headSha();
        settled(head);

        var first = f.forge.merge(repo, 1, new MergeRequest(head, MergeMethod.SQUASH, null, null));
        String commit = ((MergeOutcome.Merged) first).commit();

        Path check = f.clone(repo);
        assertThat(git(check, "log", "--format=%s", "main")).isEqualTo("TRACK-1: Add VAT (#1)\ninitial");
        assertThat(git(check, "show", "--stat", "--format=", "main")).contains("Vat.java").contains("Vat2.java");
        PullRequest merged = f.forge.pullRequest(repo, 1);
        assertThat(merged.state()).isEqualTo(PullRequestState.MERGED);
        assertThat(merged.mergeCommit()).isEqualTo(commit);
        assertThat(f.forge.files(repo, 1)).hasSize(2);
    }

    @Test
    void aMergeWhoseRecordWasLostIsFoundOnTheBaseInsteadOfMadeTwice() throws Exception {
        PullRequest pr = openPr();
        settled(pr.headSha());
        f.forge.merge(repo, 1, new MergeRequest(pr.headSha(), MergeMethod.SQUASH, null, null));
        String mainTip = GitReadsAccess.tip(f, repo, "main");
        // a crash after the branch moved and before the pull request was recorded as merged
        f.store.updatePullRequest(repo, BuiltinForge.with(f.store.pullRequest(repo, 1).orElseThrow(),
                PullRequestState.OPEN, null, java.time.Instant.now()));

        var retry = f.forge.merge(repo, 1, new MergeRequest(pr.headSha(), MergeMethod.SQUASH, null, null));
        assertThat(retry).isEqualTo(new MergeOutcome.Merged(mainTip, true));
        assertThat(GitReadsAccess.tip(f, repo, "main")).isEqualTo(mainTip);
        assertThat(f.forge.pullRequest(repo, 1).merged()).isTrue();
    }

    @Test
    void aBranchBehindItsBaseIsNotMergedAndAConflictIsNamed() throws Exception {
        PullRequest pr = openPr();
        settled(pr.headSha());
        Path other = f.clone(repo);
        push(other, "feature/TRACK-2-readme", "TRACK-2: readme", Map.of("README.md", "changed\n"));
        PullRequest pr2 = f.forge.open(repo, new PullRequestDraft("TRACK-2: Readme", "", "feature/TRACK-2-readme",
                "main"));
        settled(pr2.headSha());
        assertThat(f.forge.merge(repo, 2, new MergeRequest(pr2.headSha(), null, null, null)))
                .isInstanceOf(MergeOutcome.Merged.class);
        assertThat(f.forge.pullRequest(repo, 1).mergeable()).isEqualTo(Mergeability.BEHIND);
        assertThat(f.forge.merge(repo, 1, new MergeRequest(pr.headSha(), null, null, null)))
                .isEqualTo(new MergeOutcome.NotMergeable(Mergeability.BEHIND,
                        "the branch is behind main; bring it up to date first"));

        push(work, BRANCH, "TRACK-1: readme too", Map.of("README.md", "conflicting\n"));
        assertThat(f.forge.pullRequest(repo, 1).mergeable()).isEqualTo(Mergeability.CONFLICTING);
    }

    @Test
    void commentsReviewsAndValidation() throws Exception {
        push(work, "wip", "wip", Map.of("x.txt", "x\n"));
        PullRequest bad = f.forge.open(repo, new PullRequestDraft("add things", "", "wip", "main"));
        CheckRollup r = settled(bad.headSha());
        assertThat(r.failing()).extracting(Check::name).containsExactly("pr-validation");
        assertThat(r.failing().getFirst().summary()).contains("title 'add things'").contains("branch 'wip'");

        f.forge.comment(repo, bad.number(), "please rename");
        f.forge.submitReview(repo, bad.number(), new ReviewDraft(ReviewDraft.Verdict.REQUEST_CHANGES, "no",
                List.of(new ReviewComment("x.txt", 1, "why?"))));
        assertThat(f.forge.comments(repo, bad.number())).singleElement()
                .satisfies(c -> assertThat(c.body()).isEqualTo("please rename"));
        assertThat(f.forge.reviews(repo, bad.number())).singleElement().satisfies(rv -> {
            assertThat(rv.comments()).containsExactly(new ReviewComment("x.txt", 1, "why?"));
            assertThat(rv.commitSha()).isEqualTo(bad.headSha());
        });
        assertThat(f.forge.close(repo, bad.number()).state()).isEqualTo(PullRequestState.CLOSED);
        assertThat(f.forge.findOpen(repo, "wip")).isEmpty();
        assertThatThrownBy(() -> f.forge.open(repo, new PullRequestDraft("TRACK-9: x", "", "nope", "main")))
                .isInstanceOf(Problem.class).hasMessageContaining("does not exist");
    }
}

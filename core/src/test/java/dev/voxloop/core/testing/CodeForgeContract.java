package dev.voxloop.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.forge.Check;
import dev.voxloop.core.forge.CheckRollup;
import dev.voxloop.core.forge.CodeForge;
import dev.voxloop.core.forge.MergeMethod;
import dev.voxloop.core.forge.MergeOutcome;
import dev.voxloop.core.forge.MergeRequest;
import dev.voxloop.core.forge.PullRequest;
import dev.voxloop.core.forge.PullRequestComment;
import dev.voxloop.core.forge.PullRequestDraft;
import dev.voxloop.core.forge.PullRequestState;
import dev.voxloop.core.problem.Problem;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The documented semantics of {@link CodeForge} that the loop builds on, for every forge (the built-in one, GitHub
 * through its in-process peer): extend it, give a fresh forge holding one repository whose default branch is
 * {@code main}, and say how a branch is pushed and how the forge's checks for a commit come to an end.
 *
 * <p>What the loop relies on: a pull request is opened exactly once per head branch (a retry finds it), the checks
 * of a head sum up to one {@link CheckRollup}, comments are kept in order, a merge happens only at the expected head
 * and exactly once (a retry reports the earlier merge), and deleting a branch can be repeated.
 */
public abstract class CodeForgeContract {

    protected static final String BRANCH = "feature/TRACK-1-add-vat";

    protected CodeForge forge;
    protected String repo;

    /** A fresh forge holding exactly one repository, whose default branch {@code main} has one commit. */
    protected abstract CodeForge newForge();

    /** The name of that repository as the forge spells it ({@code trackit}, {@code owner/name}). */
    protected abstract String repository();

    /**
     * Commits {@code files} on {@code branch} (made from {@code main} when new), pushes it to the forge, and arranges
     * that the forge's checks of the new head end green ({@code checksPass}) or red the way that forge's CI would
     * (the built-in CI runs them once the head belongs to a pull request; GitHub's peer reports check runs as
     * Actions would); returns the new head commit.
     */
    protected abstract String push(String branch, String message, Map<String, String> files, boolean checksPass);

    /** The commit {@code branch} points at in the hosted repository itself, or null when it does not exist. */
    protected abstract String tip(String branch);

    /** How long checks may take to finish after a push. */
    protected Duration checksPatience() {
        return Duration.ofSeconds(60);
    }

    @BeforeEach
    void freshForge() {
        forge = newForge();
        repo = repository();
    }

    private PullRequestDraft draft(String title) {
        return new PullRequestDraft(title, "Ticket: TRACK-1\n\n- [ ] VAT is 25 %", BRANCH, "main");
    }

    /** Waits until no check of {@code sha} is pending and returns their rollup. */
    protected CheckRollup settled(String sha) {
        long until = System.nanoTime() + checksPatience().toNanos();
        while (true) {
            CheckRollup r = CheckRollup.of(forge.checks(repo, sha), forge.requiredChecks(repo, "main"));
            if (r.state() != CheckRollup.State.PENDING) {
                return r;
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("the checks of " + sha + " did not finish: " + r.summary());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void aPullRequestIsOpenedOncePerHeadBranchAndARetryFindsIt() {
        String head = push(BRANCH, "TRACK-1: add VAT", Map.of("Vat.java", "class Vat {}\n"), true);
        assertThat(forge.findOpen(repo, BRANCH)).isEmpty();

        PullRequest pr = forge.open(repo, draft("TRACK-1: Add VAT"));
        PullRequest retry = forge.open(repo, draft("TRACK-1: Add VAT"));

        assertThat(retry.number()).isEqualTo(pr.number());
        assertThat(pr.title()).isEqualTo("TRACK-1: Add VAT");
        assertThat(pr.body()).contains("VAT is 25 %");
        assertThat(pr.head()).isEqualTo(BRANCH);
        assertThat(pr.headSha()).isEqualTo(head);
        assertThat(pr.base()).isEqualTo("main");
        assertThat(pr.state()).isEqualTo(PullRequestState.OPEN);
        assertThat(pr.url()).isNotBlank();
        assertThat(forge.findOpen(repo, BRANCH)).map(PullRequest::number).contains(pr.number());
        assertThat(forge.pullRequests(repo, PullRequestState.OPEN, 10)).extracting(PullRequest::number)
                .containsExactly(pr.number());
        assertThat(forge.pullRequest(repo, pr.number()).headSha()).isEqualTo(head);
    }

    @Test
    void aPullRequestForABranchThatWasNeverPushedIsRefused() {
        assertThatThrownBy(() -> forge.open(repo, new PullRequestDraft("TRACK-9: Nothing", "", "feature/TRACK-9-none",
                "main"))).isInstanceOf(Problem.class);
        assertThat(forge.pullRequests(repo, null, 10)).isEmpty();
    }

    @Test
    void theChecksOfAHeadSumUpAndANewHeadHasItsOwn() {
        String green = push(BRANCH, "TRACK-1: add VAT", Map.of("Vat.java", "class Vat {}\n"), true);
        PullRequest pr = forge.open(repo, draft("TRACK-1: Add VAT"));
        CheckRollup first = settled(green);
        assertThat(first.state()).as(first.summary()).isEqualTo(CheckRollup.State.SUCCESS);
        assertThat(first.checks()).isNotEmpty().allMatch(c -> c.headSha().equals(green)).allMatch(Check::completed);

        String red = push(BRANCH, "TRACK-1: break VAT", Map.of("Vat.java", "class Vat { broken }\n"), false);
        assertThat(forge.pullRequest(repo, pr.number()).headSha()).isEqualTo(red);
        CheckRollup second = settled(red);
        assertThat(second.state()).as(second.summary()).isEqualTo(CheckRollup.State.FAILURE);
        assertThat(second.failing()).isNotEmpty().allMatch(Check::failed).allMatch(c -> c.headSha().equals(red));
        assertThat(settled(green).state()).isEqualTo(CheckRollup.State.SUCCESS);
    }

    @Test
    void commentsAreKeptInOrder() {
        push(BRANCH, "TRACK-1: add VAT", Map.of("Vat.java", "class Vat {}\n"), true);
        PullRequest pr = forge.open(repo, draft("TRACK-1: Add VAT"));

        PullRequestComment first = forge.comment(repo, pr.number(), "CI is red: `InvoiceTest.vat` fails");
        forge.comment(repo, pr.number(), "healed in round 1 ✓");

        assertThat(first.id()).isNotBlank();
        assertThat(forge.comments(repo, pr.number())).extracting(PullRequestComment::body).containsExactly(
                "CI is red: `InvoiceTest.vat` fails", "healed in round 1 ✓");
    }

    @Test
    void aMergeAtAStaleHeadIsRefusedAndNothingMoves() {
        String old = push(BRANCH, "TRACK-1: add VAT", Map.of("Vat.java", "class Vat {}\n"), true);
        PullRequest pr = forge.open(repo, draft("TRACK-1: Add VAT"));
        String now = push(BRANCH, "TRACK-1: round VAT", Map.of("Round.java", "class Round {}\n"), true);
        settled(now);
        String base = tip("main");

        MergeOutcome stale = forge.merge(repo, pr.number(), new MergeRequest(old, MergeMethod.SQUASH, null, null));

        assertThat(stale).isEqualTo(new MergeOutcome.HeadMoved(now));
        assertThat(tip("main")).isEqualTo(base);
        assertThat(forge.pullRequest(repo, pr.number()).state()).isEqualTo(PullRequestState.OPEN);
    }

    @Test
    void aMergeAtTheExpectedHeadHappensExactlyOnce() {
        String head = push(BRANCH, "TRACK-1: add VAT", Map.of("Vat.java", "class Vat {}\n"), true);
        PullRequest pr = forge.open(repo, draft("TRACK-1: Add VAT"));
        settled(head);
        MergeRequest request = new MergeRequest(head, MergeMethod.SQUASH, "TRACK-1: Add VAT (#" + pr.number() + ")",
                null);

        MergeOutcome first = forge.merge(repo, pr.number(), request);
        assertThat(first).isInstanceOf(MergeOutcome.Merged.class);
        String commit = ((MergeOutcome.Merged) first).commit();
        String base = tip("main");
        MergeOutcome retry = forge.merge(repo, pr.number(), request);

        assertThat(((MergeOutcome.Merged) first).alreadyMerged()).isFalse();
        assertThat(retry).isEqualTo(new MergeOutcome.Merged(commit, true));
        assertThat(base).isEqualTo(commit);
        assertThat(tip("main")).isEqualTo(commit);
        PullRequest merged = forge.pullRequest(repo, pr.number());
        assertThat(merged.state()).isEqualTo(PullRequestState.MERGED);
        assertThat(merged.mergeCommit()).isEqualTo(commit);
        assertThat(forge.findOpen(repo, BRANCH)).isEmpty();
    }

    @Test
    void deletingABranchCanBeRepeatedAndTheDefaultBranchStays() {
        String head = push(BRANCH, "TRACK-1: add VAT", Map.of("Vat.java", "class Vat {}\n"), true);
        assertThat(tip(BRANCH)).isEqualTo(head);

        forge.deleteBranch(repo, BRANCH);
        forge.deleteBranch(repo, BRANCH);

        assertThat(tip(BRANCH)).isNull();
        String main = tip("main");
        assertThatThrownBy(() -> forge.deleteBranch(repo, "main")).isInstanceOf(Problem.class);
        assertThat(tip("main")).isEqualTo(main);
    }

    @Test
    void closingCanBeRepeatedAndFreesTheHeadBranch() {
        push(BRANCH, "TRACK-1: add VAT", Map.of("Vat.java", "class Vat {}\n"), true);
        PullRequest pr = forge.open(repo, draft("TRACK-1: Add VAT"));

        assertThat(forge.close(repo, pr.number()).state()).isEqualTo(PullRequestState.CLOSED);
        assertThat(forge.close(repo, pr.number()).state()).isEqualTo(PullRequestState.CLOSED);

        assertThat(forge.findOpen(repo, BRANCH)).isEmpty();
        assertThat(forge.pullRequests(repo, PullRequestState.OPEN, 10)).isEmpty();
        assertThat(forge.open(repo, draft("TRACK-1: Add VAT again")).number()).isNotEqualTo(pr.number());
    }
}

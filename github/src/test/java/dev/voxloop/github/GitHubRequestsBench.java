package dev.voxloop.github;

import dev.voxloop.core.forge.CheckRollup;
import dev.voxloop.core.forge.ForgeWakeups;
import dev.voxloop.core.forge.MergeMethod;
import dev.voxloop.core.forge.MergeOutcome;
import dev.voxloop.core.forge.MergeRequest;
import dev.voxloop.core.forge.PullRequest;
import dev.voxloop.core.forge.PullRequestDraft;
import dev.voxloop.core.forge.Review;
import dev.voxloop.peers.github.GitHubPeer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * API requests per merged pull request, waiting on checks and a person's review by polling and by webhooks
 * ({@code bench/github.sh}; tag {@code bench}, in no suite). One pull request per run through the GitHub adapter against
 * the peer, the way the loop's forge states call it: open, read the checks of the head (and the required ones) until
 * they settle, read the reviews until one approves the head, merge at the head, delete the branch. Polling waits
 * {@code poll} between reads; with webhooks a read happens when GitHub reports a completed check or a submitted
 * review (ForgeWakeups, which the webhook route signals), with a fallback poll of a minute that never fires here.
 */
@Tag("bench")
class GitHubRequestsBench {

    private static final String BRANCH = "feature/TRACK-1-add-vat";

    @TempDir
    Path dir;

    @Test
    void requestsPerMergedPullRequest() throws Exception {
        Duration ci = Duration.ofSeconds(6);
        Duration review = Duration.ofSeconds(4);
        System.out.println("CI job " + ci.toSeconds() + " s, a person approves " + review.toSeconds()
                + " s after the checks are green");
        System.out.println("| waiting by | poll | API requests | of which 304 | wall time |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        try (GitHubPeer peer = new GitHubPeer(dir.resolve("remote"))) {
            peer.actions().latency(ci);
            int n = 0;
            for (Duration poll : new Duration[] {Duration.ofSeconds(1), Duration.ofSeconds(2)}) {
                run(peer, "octo/poll-" + ++n, review, poll, null);
            }
            ForgeWakeups wakeups = new ForgeWakeups();
            peer.onChange(wakeups::signal);
            run(peer, "octo/hooks-" + ++n, review, Duration.ofMinutes(1), wakeups);
            peer.assertClean();
        }
    }

    private void run(GitHubPeer peer, String repo, Duration reviewDelay, Duration poll, ForgeWakeups wakeups)
            throws InterruptedException {
        PeerRepository hosted = new PeerRepository(peer, repo, dir);
        GitHubForge forge = PeerRepository.forge(peer, Duration.ofSeconds(10));
        String head = hosted.pushChecked(BRANCH, "TRACK-1: add VAT", Map.of("Vat.java", "class Vat {}\n"), true);
        long before = peer.served().size();
        long start = System.nanoTime();
        PullRequest pr = forge.open(repo, new PullRequestDraft("TRACK-1: Add VAT", "Ticket TRACK-1", BRANCH, "main"));
        while (CheckRollup.of(forge.checks(repo, head), forge.requiredChecks(repo, "main")).state()
                == CheckRollup.State.PENDING) {
            waitFor(repo, poll, wakeups);
        }
        Thread.ofVirtual().start(() -> {
            GitHubPeerWait.sleep(reviewDelay);
            peer.conversation().review(repo, pr.number(), "alice", "APPROVED", "Looks right", null, 0, null);
        });
        while (forge.reviews(repo, pr.number()).stream().noneMatch(r -> r.state() == Review.State.APPROVED
                && r.commitSha().equals(head))) {
            waitFor(repo, poll, wakeups);
        }
        MergeOutcome merged = forge.merge(repo, pr.number(), new MergeRequest(head, MergeMethod.SQUASH, null, null));
        if (!(merged instanceof MergeOutcome.Merged)) {
            throw new AssertionError("not merged: " + merged);
        }
        forge.deleteBranch(repo, BRANCH);
        double seconds = (System.nanoTime() - start) / 1e9;
        var served = peer.served().subList((int) before, peer.served().size()).stream()
                .filter(s -> (s.path() + "/").startsWith("/repos/" + repo + "/")).toList();
        System.out.printf("| %s | %s | %d | %d | %.1f s |%n", wakeups == null ? "polling" : "webhooks",
                wakeups == null ? poll.toSeconds() + " s" : "(fallback " + poll.toSeconds() + " s)", served.size(),
                served.stream().filter(s -> s.status() == 304).count(), seconds);
    }

    private static void waitFor(String repo, Duration poll, ForgeWakeups wakeups) throws InterruptedException {
        if (wakeups == null) {
            Thread.sleep(poll.toMillis());
        } else {
            wakeups.await(repo, poll);
        }
    }
}

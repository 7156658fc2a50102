package dev.voxloop.forge.builtin;

import dev.voxloop.core.forge.ForgeStore;
import dev.voxloop.core.forge.PullRequest;
import dev.voxloop.core.forge.PullRequestComment;
import dev.voxloop.core.forge.Review;
import dev.voxloop.core.forge.ReviewDraft;
import dev.voxloop.core.forge.TimelineEntry;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/** Comments and reviews on the built-in forge's pull requests, each one also a line on the timeline. */
final class Conversation {

    private final ForgeStore store;
    private final PullRequests pullRequests;
    private final Clock clock;

    Conversation(ForgeStore store, PullRequests pullRequests, Clock clock) {
        this.store = store;
        this.pullRequests = pullRequests;
        this.clock = clock;
    }

    List<PullRequestComment> comments(String repository, int number) {
        pullRequests.pullRequest(repository, number);
        return store.comments(repository, number);
    }

    PullRequestComment comment(String repository, int number, String body) {
        pullRequests.pullRequest(repository, number);
        PullRequestComment c = store.addComment(repository, number, BuiltinForge.ACTOR, body, clock.instant());
        store.addTimeline(repository, number, new TimelineEntry(c.createdAt(), "commented", c.author(),
                firstLine(body)));
        return c;
    }

    List<Review> reviews(String repository, int number) {
        pullRequests.pullRequest(repository, number);
        return store.reviews(repository, number);
    }

    /** Records a review of the pull request's current head. */
    Review submit(String repository, int number, ReviewDraft draft) {
        PullRequest p = pullRequests.pullRequest(repository, number);
        Review r = store.addReview(repository, number, new Review(null, BuiltinForge.ACTOR, draft.verdict().state(),
                draft.body(), p.headSha(), clock.instant(), draft.comments()));
        store.addTimeline(repository, number, new TimelineEntry(r.submittedAt(), "reviewed", r.author(),
                r.state().name().toLowerCase(Locale.ROOT) + (r.body().isBlank() ? "" : ": " + firstLine(r.body()))));
        return r;
    }

    static String firstLine(String s) {
        String t = s == null ? "" : s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}

package dev.voxloop.app;

import dev.voxloop.core.review.ReviewLog;
import dev.voxloop.core.review.Reviewer;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.loop.ProjectConfig;
import dev.voxloop.loop.forge.PullRequestReview;
import dev.voxloop.loop.review.ReviewGate;
import dev.voxloop.loop.review.ReviewPolicy;
import dev.voxloop.loop.workspace.RunSandbox;
import dev.voxloop.store.review.JdbiReviewLog;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The review stage wired: which reviewers judge a run's pull request (the built-in rules, and the model reviewer
 * {@code review.model.kind} names: {@link Reviewers}), under each project's review policy
 * ({@code loop.projects.<KEY>.review}), with every review kept in the review log.
 */
final class ReviewWiring {

    private final AppConfig config;
    private final Stores stores;
    private final TicketTracker tracker;
    private final Supplier<RunSandbox> sandbox;
    private final Clock clock;
    private final ReviewLog reviews;

    /** @param sandbox where Claude Code reviews, when it is the configured model reviewer */
    ReviewWiring(AppConfig config, Stores stores, TicketTracker tracker, Supplier<RunSandbox> sandbox, Clock clock) {
        this.config = config;
        this.stores = stores;
        this.tracker = tracker;
        this.sandbox = sandbox;
        this.clock = clock;
        this.reviews = new JdbiReviewLog(stores.database(), clock);
    }

    ReviewLog reviews() {
        return reviews;
    }

    /** The REVIEWING step: every reviewer judges each pull request under its project's review policy. */
    PullRequestReview gate() {
        Map<String, ProjectConfig.Entry> projects = LoopWiring.settings(config).projectEntries();
        return new ReviewGate(reviewers(), reviews, tracker, stores.queue(), stores.events(),
                key -> projects.containsKey(key) && projects.get(key).review() != null
                        ? projects.get(key).review().policy() : ReviewPolicy.DEFAULT, clock);
    }

    private List<Reviewer> reviewers() {
        return Reviewers.configured(config.tree(), config.dataDir(), System.getenv(), sandbox);
    }
}

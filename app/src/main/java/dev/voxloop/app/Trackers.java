package dev.voxloop.app;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.store.Database;
import dev.voxloop.store.ticket.BuiltinTracker;
import dev.voxloop.store.ticket.TrackerProjects;
import dev.voxloop.tracker.jira.JiraTrackerFactory;
import dev.voxloop.tracker.jira.TrackerSelection;
import dev.voxloop.github.GitHubSettings;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Picks the ticket tracker from configuration: GitHub Issues when chosen (tracker.kind github), Jira Cloud when
 * configured (JIRA_URL...), else the built-in one.
 */
final class Trackers {

    private Trackers() {
    }

    static TicketTracker create(ConfigTree tree, Database database, Supplier<String> publicUrl, Clock clock) {
        if (TrackerSelection.from(tree).github()) {
            return GitHubParts.tracker(GitHubSettings.from(tree));
        }
        return JiraTrackerFactory.fromConfig(tree).<TicketTracker>map(j -> j)
                .orElseGet(() -> new BuiltinTracker(database, TrackerProjects.from(tree), publicUrl, clock));
    }
}

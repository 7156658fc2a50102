package dev.voxloop.app;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.store.Database;
import dev.voxloop.store.ticket.BuiltinTracker;
import dev.voxloop.store.ticket.TrackerProjects;
import java.time.Clock;

/** Picks the ticket tracker from configuration: the built-in one unless Jira is configured. */
final class Trackers {

    private Trackers() {
    }

    static TicketTracker create(ConfigTree tree, Database database, String publicUrl, Clock clock) {
        return new BuiltinTracker(database, TrackerProjects.from(tree), publicUrl, clock);
    }
}

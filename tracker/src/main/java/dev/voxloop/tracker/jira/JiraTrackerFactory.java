package dev.voxloop.tracker.jira;

import dev.voxloop.core.config.ConfigTree;
import java.util.Optional;

/** What the composition root calls: a Jira tracker when the configuration selects Jira, else empty. */
public final class JiraTrackerFactory {

    private JiraTrackerFactory() {
    }

    /**
     * @return the tracker when {@code tracker.kind} is jira (or unset with JIRA_URL present)
     * @throws IllegalArgumentException naming the missing variables when Jira is selected but incomplete
     */
    public static Optional<JiraTracker> fromConfig(ConfigTree config) {
        if (!JiraSettings.selected(config)) {
            return Optional.empty();
        }
        return Optional.of(new JiraTracker(JiraSettings.from(config)));
    }
}

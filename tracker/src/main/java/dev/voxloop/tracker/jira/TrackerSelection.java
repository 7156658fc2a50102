package dev.voxloop.tracker.jira;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.config.Key;
import dev.voxloop.core.config.Settings;
import java.util.List;
import java.util.Locale;

/** Which ticket tracker this installation uses ({@code tracker.kind}). */
public record TrackerSelection(
        @Key(path = "tracker.kind", env = "VOXLOOP_TRACKER",
                doc = "Where tickets live: builtin, jira or github (GitHub Issues of the repositories in"
                        + " github.projects; unset: jira when tracker.jira.url is set, else builtin)")
        String kind) {

    private static final List<String> KINDS = List.of("builtin", "jira", "github");

    public TrackerSelection {
        kind = kind == null ? null : kind.strip().toLowerCase(Locale.ROOT);
        if (kind != null && !KINDS.contains(kind)) {
            throw new IllegalArgumentException("tracker.kind: expected one of " + KINDS + ", got '" + kind + "'");
        }
    }

    public static TrackerSelection from(ConfigTree c) {
        return Settings.bind(TrackerSelection.class, c);
    }

    /** GitHub Issues when chosen. */
    public boolean github() {
        return "github".equals(kind);
    }

    /** Jira when chosen, or when nothing is chosen and a Jira site is configured. */
    public boolean jira(JiraSettings jira) {
        return kind == null ? jira.url() != null : kind.equals("jira");
    }
}

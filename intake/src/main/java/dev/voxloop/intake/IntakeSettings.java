package dev.voxloop.intake;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.config.Key;
import dev.voxloop.core.config.Settings;
import java.time.Duration;

/**
 * Settings of the intake state machine, each key declared once on its component. The clarification limit keeps
 * its {@code intent.} path (the name people already use) although the intake reads it.
 */
public record IntakeSettings(
        @Key(path = "pipeline.require_approval", fallback = "true",
                env = {"PIPELINE_REQUIRE_APPROVAL", "VOXLOOP_REQUIRE_APPROVAL"},
                doc = "Read-back preview before a ticket is filed; false files it at once")
        boolean requireApproval,
        @Key(path = "intent.max_clarification_rounds", fallback = "3",
                env = {"MAX_CLARIFICATION_ROUNDS", "VOXLOOP_MAX_CLARIFICATION_ROUNDS"},
                doc = "Clarifying questions asked at most before the read-back preview (0 to 10)")
        int maxRounds,
        @Key(path = "pipeline.clarify_timeout", fallback = "30m", env = "VOXLOOP_CLARIFY_TIMEOUT",
                doc = "An unanswered question expires after this")
        Duration clarifyTimeout,
        @Key(path = "pipeline.preview_timeout", fallback = "24h", env = "VOXLOOP_PREVIEW_TIMEOUT",
                doc = "An unapproved preview expires after this")
        Duration previewTimeout,
        @Key(path = "pipeline.confirm_below", fallback = "0.6", env = "VOXLOOP_CONFIRM_BELOW",
                doc = "A spoken request whose transcript confidence is below this waits for the person to confirm or"
                        + " correct the words before anything is extracted (0 never asks; the question expires like a"
                        + " clarifying one)")
        double confirmBelow,
        @Key(path = "pipeline.auto_dispatch", fallback = "true", env = "AUTO_DISPATCH_LOOP",
                doc = "Queue a new ticket for the agent loop once it is filed")
        boolean autoDispatch,
        @Key(path = "tracker.default_project", env = "VOXLOOP_DEFAULT_PROJECT", defaultFrom = "tracker.jira.project_key",
                doc = "Project key used when a request names none (unset here and there: ask)")
        String defaultProject) {

    public IntakeSettings {
        if (maxRounds < 0 || maxRounds > 10) {
            throw new IllegalArgumentException("intent.max_clarification_rounds: expected 0 to 10, got " + maxRounds);
        }
        if (Double.isNaN(confirmBelow) || confirmBelow < 0 || confirmBelow > 1) {
            throw new IllegalArgumentException("pipeline.confirm_below: expected 0 to 1, got " + confirmBelow);
        }
        positive("pipeline.clarify_timeout", clarifyTimeout);
        positive("pipeline.preview_timeout", previewTimeout);
        defaultProject = defaultProject == null || defaultProject.isBlank() ? null : defaultProject.strip();
    }

    public static IntakeSettings defaults() {
        return from(ConfigTree.empty());
    }

    public static IntakeSettings from(ConfigTree config) {
        return Settings.bind(IntakeSettings.class, config);
    }

    private static void positive(String path, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(path + ": expected a positive duration, got " + d);
        }
    }
}

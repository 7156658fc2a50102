package dev.voxloop.app.config;

import dev.voxloop.core.config.ConfigKey;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.intake.IntakeSettings;
import java.time.Duration;
import java.util.List;

/** Intake pipeline settings (the state machine in core), plus keys the original system had that we accept. */
public final class PipelineSettings {

    public static final List<ConfigKey> KEYS = List.of(
            ConfigKey.of("pipeline.require_approval", "Read-back preview before a ticket is filed (default true)",
                    "PIPELINE_REQUIRE_APPROVAL", "VOXLOOP_REQUIRE_APPROVAL"),
            ConfigKey.of("pipeline.clarify_timeout", "An unanswered question expires after this (default 30m)",
                    "VOXLOOP_CLARIFY_TIMEOUT"),
            ConfigKey.of("pipeline.preview_timeout", "An unapproved preview expires after this (default 24h)",
                    "VOXLOOP_PREVIEW_TIMEOUT"),
            ConfigKey.of("pipeline.auto_dispatch", "Queue a new ticket for the agent loop (default true)",
                    "AUTO_DISPATCH_LOOP"),
            ConfigKey.of("tracker.default_project", "Project key used when a request names none (else ask)",
                    "JIRA_PROJECT_KEY", "VOXLOOP_DEFAULT_PROJECT"),
            ConfigKey.of("queue.db_path", "The original's SQLite queue file; ignored (the queue lives in the database)",
                    "QUEUE_DB_PATH"),
            ConfigKey.of("log.level", "Log level: error, warn, info, debug (default info); read from the environment only, before the file", "LOG_LEVEL",
                    "VOXLOOP_LOG_LEVEL"),
            ConfigKey.of("public_url", "Base URL people use to reach this server (ticket links); default "
                    + "http://HOST:PORT", "VOXLOOP_PUBLIC_URL"));

    private PipelineSettings() {
    }

    public static IntakeSettings from(ConfigTree c) {
        IntakeSettings d = IntakeSettings.defaults();
        // The clarification policy's limit is declared with the intent settings (intent.max_clarification_rounds).
        int rounds = c.integer("intent.max_clarification_rounds", d.maxRounds());
        if (rounds < 0 || rounds > 10) {
            throw new IllegalArgumentException("intent.max_clarification_rounds must be between 0 and 10");
        }
        return new IntakeSettings(
                c.bool("pipeline.require_approval", d.requireApproval()),
                rounds,
                positive("pipeline.clarify_timeout", c.duration("pipeline.clarify_timeout", d.clarifyTimeout())),
                positive("pipeline.preview_timeout", c.duration("pipeline.preview_timeout", d.previewTimeout())),
                c.bool("pipeline.auto_dispatch", d.autoDispatch()),
                c.string("tracker.default_project").orElse(null));
    }

    private static Duration positive(String path, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(path + " must be positive");
        }
        return d;
    }
}

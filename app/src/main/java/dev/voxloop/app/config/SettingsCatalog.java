package dev.voxloop.app.config;

import dev.voxloop.core.config.ConfigKey;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.config.Settings;
import dev.voxloop.forge.ForgeSettings;
import dev.voxloop.github.GitHubSettings;
import dev.voxloop.intake.IntakeSettings;
import dev.voxloop.intent.IntentSettings;
import dev.voxloop.intent.review.ModelReviewSettings;
import dev.voxloop.guard.sandbox.SandboxSettings;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.server.ServerSettings;
import dev.voxloop.speech.SpeechSettings;
import dev.voxloop.store.StoreSettings;
import dev.voxloop.store.ticket.BuiltinTrackerSettings;
import dev.voxloop.tracker.jira.JiraSettings;
import dev.voxloop.tracker.jira.TrackerSelection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every settings record of every module, in the order voxloop.yaml lists them. A module that declares a new
 * settings record adds it here; everything else (environment mapping, unknown-key warnings, {@code voxloop config},
 * voxloop.example.yaml) follows from its {@code @Key} declarations.
 */
public final class SettingsCatalog {

    public static final List<Class<? extends Record>> RECORDS = List.of(
            IntakeSettings.class,
            AppSettings.class,
            StoreSettings.class,
            ServerSettings.class,
            TrackerSelection.class,
            BuiltinTrackerSettings.class,
            JiraSettings.class,
            IntentSettings.class,
            ModelReviewSettings.class,
            SpeechSettings.class,
            LoopSettings.class,
            SandboxSettings.class,
            ForgeSettings.class,
            GitHubSettings.class);

    private SettingsCatalog() {
    }

    /** Every declared key, in {@link #RECORDS} order. */
    public static List<ConfigKey> keys() {
        return RECORDS.stream().flatMap(r -> Settings.keys(r).stream()).toList();
    }

    /** The problems binding each record from {@code tree} finds, one message per record; empty when all is well. */
    public static List<String> problems(ConfigTree tree, Path dataDir) {
        List<String> out = new ArrayList<>();
        Map<String, String> variables = Map.of("data", dataDir.toAbsolutePath().normalize().toString());
        for (Class<? extends Record> r : RECORDS) {
            try {
                Settings.bind(r, tree, variables);
            } catch (RuntimeException e) {
                out.add(e.getMessage()); // a bad value: reported to the person, who fixes the file and runs again
            }
        }
        return out;
    }
}

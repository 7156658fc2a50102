package dev.voxloop.app;

import dev.voxloop.app.config.PipelineSettings;
import dev.voxloop.core.config.ConfigKey;
import java.util.ArrayList;
import java.util.List;

/** Every configuration key any module declares: for environment mapping, unknown-key warnings and docs. */
public final class ConfigKeys {

    private ConfigKeys() {
    }

    public static List<ConfigKey> all() {
        List<ConfigKey> keys = new ArrayList<>();
        keys.addAll(PipelineSettings.KEYS);
        keys.addAll(dev.voxloop.store.StoreSettings.KEYS);
        keys.addAll(dev.voxloop.server.ServerSettings.KEYS);
        keys.addAll(dev.voxloop.tracker.jira.JiraSettings.KEYS);
        keys.addAll(dev.voxloop.intent.IntentSettings.KEYS);
        keys.addAll(dev.voxloop.speech.SpeechSettings.KEYS);
        keys.addAll(dev.voxloop.loop.LoopSettings.KEYS);
        keys.addAll(dev.voxloop.forge.ForgeSettings.KEYS);
        return List.copyOf(keys);
    }
}

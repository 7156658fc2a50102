package dev.voxloop.app;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.intent.IntentExtractor;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.core.transcript.SpeechToText;
import dev.voxloop.intent.IntentExtractors;
import dev.voxloop.speech.SpeechEngines;
import dev.voxloop.speech.SpeechSettings;
import dev.voxloop.speech.TrackerVocabulary;
import dev.voxloop.speech.engine.WarmEngine;
import dev.voxloop.intent.IntentSettings;
import java.nio.file.Path;
import java.util.List;

/** Picks the speech engine and the intent extractor from configuration. */
final class Engines {

    private Engines() {
    }

    /**
     * The configured speech engine (offline Sphinx by default), warming up in the background; null for
     * {@code speech.engine: none} (audio is then refused with a 503 naming the fix).
     */
    static SpeechToText speech(ConfigTree tree, Path dataDir, TicketTracker tracker, List<AutoCloseable> closeables) {
        if ("none".equalsIgnoreCase(tree.string("speech.engine", ""))) {
            return null;
        }
        WarmEngine engine = SpeechEngines.create(SpeechSettings.from(tree), TrackerVocabulary.of(tracker));
        closeables.add(engine);
        return engine;
    }

    /** The configured extractor (embedded by default; remote ones fall back to it). Starts the model load. */
    static IntentExtractor extractor(ConfigTree tree, List<AutoCloseable> closeables) {
        return IntentExtractors.create(IntentSettings.from(tree));
    }
}

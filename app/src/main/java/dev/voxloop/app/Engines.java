package dev.voxloop.app;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.intent.IntentExtractor;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.core.transcript.SpeechToText;
import dev.voxloop.intent.IntentExtractors;
import dev.voxloop.intent.IntentSettings;
import java.nio.file.Path;
import java.util.List;

/** Picks the speech engine and the intent extractor from configuration. */
final class Engines {

    private Engines() {
    }

    /** The configured speech engine, or null when none is available (audio is then refused with a 503). */
    static SpeechToText speech(ConfigTree tree, Path dataDir, TicketTracker tracker, List<AutoCloseable> closeables) {
        return null;
    }

    /** The configured extractor (embedded by default; remote ones fall back to it). Starts the model load. */
    static IntentExtractor extractor(ConfigTree tree, List<AutoCloseable> closeables) {
        return IntentExtractors.create(IntentSettings.from(tree));
    }
}

package dev.voxloop.app;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.intent.IntentExtractor;
import dev.voxloop.core.ticket.DuplicateFinder;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.core.transcript.SpeechToText;
import dev.voxloop.intent.IntentExtractors;
import dev.voxloop.intent.IntentSettings;
import dev.voxloop.speech.SpeechEngines;
import dev.voxloop.speech.SpeechSettings;
import dev.voxloop.speech.TrackerVocabulary;
import dev.voxloop.speech.engine.WarmEngine;

/**
 * Picks the speech engine and the intent extractor from configuration. Building them is cheap; their models
 * (seconds of CPU) load in the background from {@link #warm()}, which the server calls once it listens, or on
 * the first request, which waits for them within each engine's own limit.
 */
final class Engines {

    private final SpeechToText speech;
    private final IntentExtractor extractor;
    private final DuplicateFinder duplicates;

    Engines(ConfigTree tree, TicketTracker tracker, CloseList closeables) {
        boolean speechOff = "none".equalsIgnoreCase(tree.string("speech.engine", ""));
        if (speechOff) {
            this.speech = null;
        } else {
            WarmEngine engine = SpeechEngines.create(SpeechSettings.from(tree), TrackerVocabulary.of(tracker));
            closeables.add(engine);
            this.speech = engine;
        }
        IntentSettings intent = IntentSettings.from(tree);
        this.extractor = IntentExtractors.create(intent);
        this.duplicates = IntentExtractors.duplicates(intent);
    }

    /**
     * The configured speech engine (whisper once a model is pulled, else offline PocketSphinx); null for
     * {@code speech.engine: none} (audio is then refused with a 503 naming the fix).
     */
    SpeechToText speech() {
        return speech;
    }

    /** The configured extractor (embedded by default; remote ones fall back to it). */
    IntentExtractor extractor() {
        return extractor;
    }

    /** Names the open tickets a draft seems to repeat (the embedding model's, unless turned off). */
    DuplicateFinder duplicates() {
        return duplicates;
    }

    /** Start loading the models now. */
    void warm() {
        extractor.warm();
        duplicates.warm();
        if (speech != null) {
            speech.warm();
        }
    }
}

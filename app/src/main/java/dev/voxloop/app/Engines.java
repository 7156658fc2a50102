package dev.voxloop.app;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.intent.IntentExtractor;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.core.transcript.SpeechToText;
import dev.voxloop.intent.IntentExtractors;
import dev.voxloop.intent.IntentSettings;
import dev.voxloop.speech.EngineChoice;
import dev.voxloop.speech.SpeechEngines;
import dev.voxloop.speech.SpeechSettings;
import dev.voxloop.speech.TrackerVocabulary;
import dev.voxloop.speech.engine.WarmEngine;
import java.util.List;

/**
 * Picks the speech engine and the intent extractor from configuration. Both are built lazily (first use, or
 * {@link #warm()} once the server listens) because their models take seconds of CPU to load.
 */
final class Engines {

    private final Deferred<SpeechToText> speechEngine;
    private final Deferred<IntentExtractor> extractorEngine;
    private final SpeechToText speech;
    private final IntentExtractor extractor;

    Engines(ConfigTree tree, TicketTracker tracker, List<AutoCloseable> closeables) {
        boolean speechOff = "none".equalsIgnoreCase(tree.string("speech.engine", ""));
        SpeechSettings speechSettings = speechOff ? null : SpeechSettings.from(tree);
        IntentSettings intentSettings = IntentSettings.from(tree);
        this.speechEngine = new Deferred<>(() -> {
            WarmEngine engine = SpeechEngines.create(speechSettings, TrackerVocabulary.of(tracker));
            synchronized (closeables) {
                closeables.add(engine);
            }
            return engine;
        });
        this.extractorEngine = new Deferred<>(() -> IntentExtractors.create(intentSettings));
        this.speech = speechOff ? null : new DeferredSpeechToText(EngineChoice.of(speechSettings), speechEngine);
        this.extractor = new DeferredExtractor(intentSettings.extractor(), extractorEngine);
    }

    /**
     * The configured speech engine (whisper once a model is pulled, else offline PocketSphinx); null for {@code speech.engine: none} (audio is then
     * refused with a 503 naming the fix).
     */
    SpeechToText speech() {
        return speech;
    }

    /** The configured extractor (embedded by default; remote ones fall back to it). */
    IntentExtractor extractor() {
        return extractor;
    }

    /** Start loading the models now. */
    void warm() {
        extractorEngine.warm();
        if (speech != null) {
            speechEngine.warm();
        }
    }
}

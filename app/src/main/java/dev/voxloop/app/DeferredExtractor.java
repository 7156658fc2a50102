package dev.voxloop.app;

import dev.voxloop.core.intent.Extraction;
import dev.voxloop.core.intent.IntentExtractor;
import dev.voxloop.core.intent.IntentRequest;

/** The configured intent extractor, built on first use or on {@link Deferred#warm()}. */
final class DeferredExtractor implements IntentExtractor {

    private final String name;
    private final Deferred<IntentExtractor> extractor;

    DeferredExtractor(String name, Deferred<IntentExtractor> extractor) {
        this.name = name;
        this.extractor = extractor;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Extraction extract(IntentRequest request) {
        return extractor.get().extract(request);
    }
}

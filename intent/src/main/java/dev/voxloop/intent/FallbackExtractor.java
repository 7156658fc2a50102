package dev.voxloop.intent;

import dev.voxloop.core.intent.Extraction;
import dev.voxloop.core.intent.IntentExtractor;
import dev.voxloop.core.intent.IntentRequest;
import dev.voxloop.core.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A remote extractor with the embedded one behind it: when the remote model is down (UNAVAILABLE), too slow
 * (TIMEOUT) or keeps answering outside the schema (UPSTREAM), the embedded extractor answers and the draft
 * carries a flag saying so. Other problems (a person's mistake) pass through.
 */
public final class FallbackExtractor implements IntentExtractor {

    /** Prefix of the flag added when the fallback answered. */
    public static final String FLAG = "fallback";

    private static final Logger LOG = LoggerFactory.getLogger(FallbackExtractor.class);
    private static final Set<Problem.Kind> FALL_BACK_ON = Set.of(Problem.Kind.UNAVAILABLE, Problem.Kind.TIMEOUT,
            Problem.Kind.UPSTREAM);

    private final IntentExtractor primary;
    private final IntentExtractor fallback;

    public FallbackExtractor(IntentExtractor primary, IntentExtractor fallback) {
        this.primary = primary;
        this.fallback = fallback;
    }

    @Override
    public String name() {
        return primary.name();
    }

    @Override
    public void warm() {
        primary.warm();
        fallback.warm();
    }

    @Override
    public boolean ready() {
        return primary.ready() && fallback.ready();
    }

    @Override
    public Extraction extract(IntentRequest request) {
        try {
            return primary.extract(request);
        } catch (Problem p) {
            if (!FALL_BACK_ON.contains(p.kind())) {
                throw p;
            }
            LOG.warn("{} extractor failed ({}); the {} extractor answers instead", primary.name(), p.getMessage(),
                    fallback.name());
            Extraction ex = fallback.extract(request);
            List<String> flags = new ArrayList<>(ex.flags());
            flags.add(FLAG + ": " + primary.name() + " was not usable (" + p.getMessage() + "); the " + fallback.name()
                    + " extractor made this draft");
            return new Extraction(ex.draft(), ex.missing(), ex.ambiguities(), ex.confidence(), flags, ex.questions(),
                    ex.ambiguityScore(), ex.extractor());
        }
    }
}

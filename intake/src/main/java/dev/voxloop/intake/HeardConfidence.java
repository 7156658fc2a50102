package dev.voxloop.intake;

import dev.voxloop.core.intent.Extraction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A draft can be no surer than the words it was made from. While nobody has checked what the speech engine heard
 * ({@link dev.voxloop.core.intake.HeardTranscript#cap()}), every field confidence of the extraction is capped at
 * the engine's confidence (reported as "transcript"). Unchecked words below {@code pipeline.confirm_below} (which
 * the transcript check normally stops before extraction) are never filed straight away: the draft goes to the
 * read-back with a warning.
 */
final class HeardConfidence {

    static final String FLAG = "unsure_transcript";

    private HeardConfidence() {
    }

    /** @param heard the engine's confidence in unchecked words, or null (typed, checked, or no figure) */
    static boolean unsure(Double heard, double confirmBelow) {
        return heard != null && heard < confirmBelow;
    }

    static Extraction cap(Extraction ex, Double heard, double confirmBelow) {
        if (heard == null) {
            return ex;
        }
        Map<String, Double> capped = new LinkedHashMap<>();
        ex.confidence().forEach((field, c) -> capped.put(field, Math.min(c, heard)));
        capped.put("transcript", heard);
        List<String> flags = new ArrayList<>(ex.flags());
        if (unsure(heard, confirmBelow)) {
            flags.add(String.format(Locale.ROOT, "%s: the speech engine is only %.0f %% sure it heard this right;"
                    + " check the text before approving", FLAG, 100 * heard));
        }
        return new Extraction(ex.draft(), ex.missing(), ex.ambiguities(), capped, flags, ex.questions(),
                Math.max(ex.ambiguityScore(), 1 - heard), ex.extractor());
    }
}

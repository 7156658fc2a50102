package dev.voxloop.intake;

import dev.voxloop.core.intent.Extraction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A draft can be no surer than the words it was made from. When the speech engine says how sure it is of a
 * transcript, every field confidence of the extraction is capped at that figure (reported as "transcript"),
 * and below {@link #CONFIRM_BELOW} the request is never filed straight away: the person sees the draft with a
 * warning and the heard text, and approves or corrects it.
 */
final class HeardConfidence {

    /** Below this the transcript is shown for confirmation (the offline engine's clean requests score ~0.8). */
    static final double CONFIRM_BELOW = 0.60;

    static final String FLAG = "unsure_transcript";

    private HeardConfidence() {
    }

    static boolean unsure(Double heard) {
        return heard != null && heard < CONFIRM_BELOW;
    }

    static Extraction cap(Extraction ex, Double heard) {
        if (heard == null) {
            return ex;
        }
        Map<String, Double> capped = new LinkedHashMap<>();
        ex.confidence().forEach((field, c) -> capped.put(field, Math.min(c, heard)));
        capped.put("transcript", heard);
        List<String> flags = new ArrayList<>(ex.flags());
        if (unsure(heard)) {
            flags.add(String.format(Locale.ROOT, "%s: the speech engine is only %.0f %% sure it heard this right;"
                    + " check the text before approving", FLAG, 100 * heard));
        }
        return new Extraction(ex.draft(), ex.missing(), ex.ambiguities(), capped, flags, ex.questions(),
                Math.max(ex.ambiguityScore(), 1 - heard), ex.extractor());
    }
}

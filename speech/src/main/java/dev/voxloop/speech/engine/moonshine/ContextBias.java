package dev.voxloop.speech.engine.moonshine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Makes the tracker's names likelier while Moonshine writes: a token that starts one of them, or continues one
 * the decoder has begun, gets a fixed bonus on its score (contextual biasing, as speech toolkits do it for
 * "hot words"). Moonshine has never seen "StoreIt" or "BookIt" and otherwise writes what they sound like to it
 * ("story", "bucket"); with the bonus, a name that is close to what was heard wins. Each name is matched as
 * written, as separate words ("Store It", "store it") and as one lower-case word.
 *
 * <p>Names and words are matched on the tokenizer's pieces, where "▁" starts a word: the text written so far is
 * compared with each name's beginnings, so no tokenizer is needed, only the pieces' spellings.
 */
final class ContextBias {

    /** Added to a name's token score; chosen on the development sets (docs/benchmarks.md). */
    static final float BONUS = 2.5f;
    /** A token that only starts a name counts when it covers at least this many of its letters. */
    static final int START_LETTERS = 3;
    private static final int LONGEST_PIECE = 16;

    static final ContextBias NONE = new ContextBias(List.of(), Map.of());

    private final List<String> targets;
    private final Map<String, List<Integer>> tokensBySpelling;

    private ContextBias(List<String> targets, Map<String, List<Integer>> tokensBySpelling) {
        this.targets = targets;
        this.tokensBySpelling = tokensBySpelling;
    }

    /**
     * @param names the tracker's words; those that look like names (a capital letter, or a run-together word
     *              such as "StoreIt") are biased towards, plain words are not
     */
    static ContextBias of(List<String> names, TokenPieces pieces) {
        Set<String> targets = new LinkedHashSet<>();
        for (String name : names) {
            if (looksLikeName(name)) {
                for (String form : forms(name)) {
                    targets.add(TokenPieces.WORD_START + form.replace(' ', TokenPieces.WORD_START));
                }
            }
        }
        if (targets.isEmpty()) {
            return NONE;
        }
        Map<String, List<Integer>> bySpelling = new HashMap<>();
        for (int t = 0; t < pieces.size(); t++) {
            bySpelling.computeIfAbsent(pieces.piece(t), k -> new ArrayList<>()).add(t);
        }
        return new ContextBias(List.copyOf(targets), bySpelling);
    }

    /** A project name ("BookIt", "Platform"), not a key ("SHOP") or a lower-case word. */
    static boolean looksLikeName(String word) {
        String w = word.strip();
        return w.length() >= 3 && w.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == ' ')
                && Character.isUpperCase(w.charAt(0)) && !w.equals(w.toUpperCase(Locale.ROOT));
    }

    /** "StoreIt" -> StoreIt, Store It, store it, storeit. */
    static List<String> forms(String name) {
        String spaced = name.strip().replaceAll("(\\p{Ll})(\\p{Lu})", "$1 $2");
        Set<String> out = new LinkedHashSet<>(List.of(name.strip(), spaced, spaced.toLowerCase(Locale.ROOT),
                name.strip().toLowerCase(Locale.ROOT)));
        return List.copyOf(out);
    }

    /**
     * Adds the bonus to every token that would start or continue a name after {@code written} (the pieces
     * written so far, "▁" included).
     */
    void apply(CharSequence written, float[] scores) {
        if (targets.isEmpty()) {
            return;
        }
        Set<Integer> boosted = new LinkedHashSet<>();
        for (String target : targets) {
            for (int matched = Math.min(target.length() - 1, written.length()); matched >= 0; matched--) {
                if (!endsWith(written, target, matched)) {
                    continue;
                }
                String rest = target.substring(matched);
                for (int len = 1; len <= Math.min(LONGEST_PIECE, rest.length()); len++) {
                    int firstWord = rest.indexOf(TokenPieces.WORD_START, 1);
                    if (matched == 0 && len < Math.min(START_LETTERS + 1, firstWord < 0 ? rest.length() : firstWord)) {
                        continue; // "▁b" alone would favour every b-word
                    }
                    List<Integer> ids = tokensBySpelling.get(rest.substring(0, len));
                    if (ids != null) {
                        boosted.addAll(ids);
                    }
                }
            }
        }
        for (int id : boosted) {
            if (id < scores.length) {
                scores[id] += BONUS;
            }
        }
    }

    /**
     * Whether {@code written} ends with the first {@code length} characters of {@code target}, in any case: after
     * "Store" both "It" and " it" go on with the name.
     */
    private static boolean endsWith(CharSequence written, String target, int length) {
        if (length == 0) {
            return true;
        }
        int offset = written.length() - length;
        for (int i = 0; i < length; i++) {
            if (Character.toLowerCase(written.charAt(offset + i)) != Character.toLowerCase(target.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}

package dev.voxloop.speech.engine.moonshine;

import dev.voxloop.core.intent.Priority;
import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>Ticket phrases are made likelier the same way once their first word is written: after "high" the decoder
 * is nudged towards "priority", which robotic voices say so oddly that it is otherwise heard as "pry or a cheat".
 * Their first word gets no bonus, so nothing is pushed towards a phrase that was not begun.
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
    /** The ticket phrases: each priority said as "high priority". */
    static final List<String> PHRASES = Arrays.stream(Priority.values())
            .map(p -> p.label().toLowerCase(Locale.ROOT) + " priority").toList();

    static final ContextBias NONE = new ContextBias(List.of(), Map.of());

    /**
     * A spelling to favour, in pieces ("▁Store▁It"), from its {@code from}-th character on: 0 for a name, which
     * is favoured where it could start; after the first word for a phrase.
     */
    private record Target(String spelling, int from) {
    }

    private final List<Target> targets;
    private final Map<String, List<Integer>> tokensBySpelling;

    private ContextBias(List<Target> targets, Map<String, List<Integer>> tokensBySpelling) {
        this.targets = targets;
        this.tokensBySpelling = tokensBySpelling;
    }

    /**
     * @param names the tracker's words; those that look like names (a capital letter, or a run-together word
     *              such as "StoreIt") are biased towards, plain words are not
     */
    static ContextBias of(List<String> names, TokenPieces pieces) {
        Set<Target> targets = new LinkedHashSet<>();
        for (String name : names) {
            if (looksLikeName(name)) {
                for (String form : forms(name)) {
                    targets.add(new Target(spelling(form), 0));
                }
            }
        }
        for (String phrase : PHRASES) {
            targets.add(new Target(spelling(phrase), phrase.indexOf(' ') + 1));
        }
        Map<String, List<Integer>> bySpelling = new HashMap<>();
        for (int t = 0; t < pieces.size(); t++) {
            bySpelling.computeIfAbsent(pieces.piece(t), k -> new ArrayList<>()).add(t);
        }
        return new ContextBias(List.copyOf(targets), bySpelling);
    }

    /** "Store It" -> "▁Store▁It", as the pieces spell it. */
    private static String spelling(String words) {
        return TokenPieces.WORD_START + words.replace(' ', TokenPieces.WORD_START);
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
        for (Target t : targets) {
            String target = t.spelling();
            for (int matched = Math.min(target.length() - 1, written.length()); matched >= t.from(); matched--) {
                if (!endsWith(written, target, matched)) {
                    continue;
                }
                String rest = target.substring(matched);
                for (int len = 1; len <= Math.min(LONGEST_PIECE, rest.length()); len++) {
                    int nextWord = rest.indexOf(TokenPieces.WORD_START, 1);
                    if (rest.charAt(0) == TokenPieces.WORD_START
                            && len < Math.min(START_LETTERS + 1, nextWord < 0 ? rest.length() : nextWord)) {
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

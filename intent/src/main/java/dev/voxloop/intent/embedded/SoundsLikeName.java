package dev.voxloop.intent.embedded;

import dev.voxloop.core.ticket.Project;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Project names a speech engine wrote as a word they sound like: a model that never saw "StoreIt" writes
 * "storied", and "TrackIt" becomes "tracket". A heard word that sounds the same as a name (the same Double
 * Metaphone code, a phonetic key of the consonants), has the name's first vowel (the code leaves vowels out) and is
 * spelt nearly the same (at most {@link #MAX_EDITS} letters changed, added, dropped or swapped) is evidence for
 * that project, as one of its own words would be. It is never a name said outright: ordinary words share the
 * sounds too, and the vowel and spelling bounds keep out the commonest of them ("start" and "street" have
 * StoreIt's consonants, "bucket" BookIt's).
 *
 * <p>A name that ends in "It" is also heard with its last "t" swallowed: "StoreIt" as "story" or "storey". Such a
 * word counts too, unless it follows an article ("a story" is a ticket), and the name's own first word ("event",
 * "store") is the project's vocabulary, not a sound-alike.
 * Used for words a speech engine heard, not for typed ones.
 */
final class SoundsLikeName {

    /** Shorter words share their sound with too many others. */
    static final int MIN_LETTERS = 5;
    /** How far a sound-alike word's spelling may be from the name's ("storied" is two from "storeit"). */
    static final int MAX_EDITS = 2;
    /**
     * The evidence a sound-alike word gives its project: half as much again as a word of its own description, for
     * a name was probably said; less than a name heard in another reading.
     */
    static final double WEIGHT = 1.5;
    /**
     * The evidence of a sound-alike right after a preposition ("in story the stock count ...", "for tracket"): where
     * people put a product's name, and where the ordinary word would hardly stand without an article. As much as
     * a name heard in another reading.
     */
    static final double AFTER_PREPOSITION = 3.0;

    private static final DoubleMetaphone CODE = codes();

    /** Each name's code, for codes only one project's name has. */
    private final Map<String, Project> byCode;
    /** The names, lower case and run together ("storeit"). */
    private final Map<Project, String> names;
    /** The names ending in "it" as said with the last "t" swallowed ("storei"). */
    private final Map<Project, String> swallowed;
    /** The names' first words ("store", "event"), which are vocabulary. */
    private final Set<String> stems;
    /** Words after which a sound-alike is an ordinary word: "a story" is a ticket, not StoreIt. */
    private static final Set<String> BEFORE_A_WORD = Set.of("a", "an", "user", "new", "another");
    /** Words after which a product's name is usually said. */
    private static final Set<String> PREPOSITIONS = Set.of("in", "for", "on", "from", "with", "to", "into");

    SoundsLikeName(List<Project> projects) {
        Map<String, Project> codes = new HashMap<>();
        Set<String> shared = new HashSet<>();
        Map<Project, String> names = new HashMap<>();
        Map<Project, String> swallowed = new HashMap<>();
        Set<String> stems = new HashSet<>();
        for (Project p : projects) {
            ProjectVocabulary.nameStem(p.name()).ifPresent(stems::add);
            String name = p.name().strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
            if (name.length() < MIN_LETTERS) {
                continue;
            }
            names.put(p, name);
            String code = CODE.doubleMetaphone(name);
            if (codes.containsKey(code) && codes.get(code) != p) {
                shared.add(code);
            }
            codes.put(code, p);
            if (name.endsWith("it")) {
                String without = name.substring(0, name.length() - 1);
                swallowed.put(p, without);
                String other = CODE.doubleMetaphone(without);
                if (!other.equals(code)) {
                    if (codes.containsKey(other) && codes.get(other) != p) {
                        shared.add(other);
                    }
                    codes.put(other, p);
                }
            }
        }
        shared.forEach(codes::remove);
        this.byCode = Map.copyOf(codes);
        this.names = Map.copyOf(names);
        this.swallowed = Map.copyOf(swallowed);
        this.stems = Set.copyOf(stems);
    }

    /** The projects whose names words of the text sound like, with their evidence. */
    Map<Project, Double> scores(String text) {
        Map<Project, Double> out = new LinkedHashMap<>();
        String before = "";
        for (String token : Words.tokens(text)) {
            String w = token.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
            String previous = before;
            before = w;
            if (w.length() < MIN_LETTERS || names.containsValue(w) || Words.STOP.contains(w)
                    || stems.contains(w.replaceFirst("s$", "")) || BEFORE_A_WORD.contains(previous)) {
                continue; // a name written right is said outright, not sounded like
            }
            Project p = byCode.get(CODE.doubleMetaphone(w));
            if (p != null && firstVowel(w) == firstVowel(names.get(p)) && spelledNearly(w, p)) {
                out.merge(p, PREPOSITIONS.contains(previous) ? AFTER_PREPOSITION : WEIGHT, Math::max);
            }
        }
        return out;
    }

    private boolean spelledNearly(String word, Project p) {
        String without = swallowed.get(p);
        return edits(word, names.get(p)) <= MAX_EDITS || without != null && edits(word, without) <= MAX_EDITS;
    }

    private static char firstVowel(String word) {
        for (char c : word.toCharArray()) {
            if ("aeiou".indexOf(c) >= 0) {
                return c;
            }
        }
        return 0;
    }

    /**
     * The optimal string alignment distance: letters changed, added or dropped, and two neighbours swapped, each
     * counting one.
     */
    static int edits(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static DoubleMetaphone codes() {
        DoubleMetaphone m = new DoubleMetaphone();
        m.setMaxCodeLen(8); // names are longer than the default four sounds ("EventIt" is AFNTT)
        return m;
    }
}

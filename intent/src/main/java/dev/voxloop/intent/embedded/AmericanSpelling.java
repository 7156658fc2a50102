package dev.voxloop.intent.embedded;

import dev.voxloop.intent.data.TableFile;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words in American spelling ("catalogue" -> "catalog", "colours" -> "colors", "organised" -> "organized"). A speech
 * engine writes American spellings whoever speaks, and a person may type either; the project vocabulary and the
 * embedding should not tell a typed request from its own heard words by spelling. The table is data
 * ({@link #TABLE}).
 */
final class AmericanSpelling {

    private record Variant(Pattern british, String american) {
    }

    static final String TABLE = "/dev/voxloop/intent/embedded/american-spellings.tsv";
    private static final List<Variant> VARIANTS = TableFile.load(TABLE, 2).rows().stream()
            .map(r -> new Variant(Pattern.compile(r.cell(0)), r.cell(1)))
            .toList();
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private AmericanSpelling() {
    }

    /** One lower-case word in American spelling; any other word as it is. */
    static String word(String word) {
        for (Variant v : VARIANTS) {
            Matcher m = v.british().matcher(word);
            if (m.matches()) {
                return m.replaceFirst(v.american());
            }
        }
        return word;
    }

    /** Every word of a text in American spelling; case, punctuation and spacing as they were. */
    static String text(String text) {
        return WORD.matcher(text).replaceAll(m -> {
            String w = m.group();
            String lower = w.toLowerCase(Locale.ROOT);
            String american = word(lower);
            if (american.equals(lower)) {
                return Matcher.quoteReplacement(w);
            }
            boolean capital = Character.isUpperCase(w.charAt(0));
            return Matcher.quoteReplacement(capital ? Character.toUpperCase(american.charAt(0)) + american.substring(1)
                    : american);
        });
    }
}

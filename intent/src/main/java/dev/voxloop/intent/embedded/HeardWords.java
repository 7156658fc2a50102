package dev.voxloop.intent.embedded;

import dev.voxloop.intent.data.TableFile;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Ticket words as a speech engine mishears them ("this is emergent", "no lush", "type priority", "And gift cards"
 * for "Add gift cards"), written back as the words meant, so that the priority and type read from heard words are
 * the ones the person said. Only for heard words: nobody types "sergeant" for "urgent". The table is data
 * ({@link #TABLE}): each entry a mishearing seen on development recordings.
 */
final class HeardWords {

    private record Mishearing(Pattern heard, String meant) {
    }

    static final String TABLE = "/dev/voxloop/intent/embedded/heard-words.tsv";
    private static final List<Mishearing> MISHEARINGS = TableFile.load(TABLE, 2).rows().stream()
            .map(r -> new Mishearing(Pattern.compile(r.cell(0), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                    r.cell(1)))
            .toList();

    private HeardWords() {
    }

    static String asMeant(String heard) {
        String out = heard;
        for (Mishearing m : MISHEARINGS) {
            out = m.heard().matcher(out).replaceAll(m.meant());
        }
        return out;
    }
}

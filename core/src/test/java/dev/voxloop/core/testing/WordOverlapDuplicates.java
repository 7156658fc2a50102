package dev.voxloop.core.testing;

import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.ticket.DuplicateFinder;
import dev.voxloop.core.ticket.LikelyDuplicate;
import dev.voxloop.core.ticket.Ticket;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A small real finder for tests that drive the intake or the server without loading the 90 MB sentence model:
 * the share of words two summaries have in common (Jaccard), named at or above the threshold.
 */
public final class WordOverlapDuplicates implements DuplicateFinder {

    private final double threshold;

    public WordOverlapDuplicates(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public List<LikelyDuplicate> likelyDuplicates(TicketDraft draft, List<Ticket> open) {
        Set<String> mine = words(draft.summary());
        return open.stream().map(t -> new LikelyDuplicate(t.key(), t.summary(), overlap(mine, words(t.summary()))))
                .filter(d -> d.similarity() >= threshold)
                .sorted(Comparator.comparingDouble(LikelyDuplicate::similarity).reversed()).limit(3).toList();
    }

    private static double overlap(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        Set<String> either = new HashSet<>(a);
        either.addAll(b);
        return either.isEmpty() ? 0 : (double) both.size() / either.size();
    }

    private static Set<String> words(String s) {
        return new HashSet<>(List.of(s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
    }
}

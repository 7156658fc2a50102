package dev.voxloop.forge.review.rules;

import dev.voxloop.core.review.ReviewRequest;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.forge.review.diff.DiffFile;
import dev.voxloop.forge.review.diff.UnifiedDiff;
import java.util.List;
import java.util.Locale;

/** A review request with its diff parsed: what every rule looks at. */
public record ReviewedChange(ReviewRequest request, UnifiedDiff diff) {

    public List<DiffFile> files() {
        return diff.files();
    }

    /** The ticket's summary, description and acceptance criteria in lower case; empty without a ticket. */
    public String ticketText() {
        Ticket t = request.ticket();
        if (t == null) {
            return "";
        }
        return String.join("\n", nonNull(t.summary()), nonNull(t.description()),
                String.join("\n", t.acceptanceCriteria())).toLowerCase(Locale.ROOT);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}

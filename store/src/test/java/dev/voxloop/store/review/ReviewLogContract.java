package dev.voxloop.store.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.review.Category;
import dev.voxloop.core.review.Finding;
import dev.voxloop.core.review.Review;
import dev.voxloop.core.review.Severity;
import dev.voxloop.core.review.StoredReview;
import dev.voxloop.core.review.Verdict;
import dev.voxloop.store.StoreContract;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The review log on a real database: kept once per run, reviewer and head; findings round-trip; survives restart. */
abstract class ReviewLogContract extends StoreContract {

    private static final Finding PRINT = new Finding("src/main/java/se/trackit/VatRate.java", 27, Severity.MAJOR,
            Category.DEBUG_LEFTOVER, "debugging output left in production code", "remove it", "voxloop-rules", false);

    @Test
    void aReviewIsKeptOncePerHeadAndRoundTrips() {
        JdbiReviewLog log = new JdbiReviewLog(db, Clock.systemUTC());
        Review first = new Review("voxloop-rules", Verdict.REQUEST_CHANGES, "1 finding", List.of(PRINT), "a".repeat(40));
        StoredReview kept = log.record("run-1", "TRACK-1", "trackit", 1, 1, first);
        StoredReview again = log.record("run-1", "TRACK-1", "trackit", 1, 1, first);
        assertThat(again.id()).isEqualTo(kept.id());
        assertThat(kept.review()).isEqualTo(first);
        log.posted(kept.id(), "r-7");
        Review second = new Review("voxloop-rules", Verdict.APPROVE, "", List.of(), "b".repeat(40));
        log.record("run-1", "TRACK-1", "trackit", 1, 2, second);
        log.record("run-2", "TRACK-2", "trackit", 2, 1, second);

        reopen();
        JdbiReviewLog after = new JdbiReviewLog(db, Clock.systemUTC());
        assertThat(after.forRun("run-1")).extracting(StoredReview::round, r -> r.review().verdict(),
                        StoredReview::forgeReviewId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, Verdict.REQUEST_CHANGES, "r-7"),
                        org.assertj.core.groups.Tuple.tuple(2, Verdict.APPROVE, null));
        assertThat(after.forPullRequest("trackit", 1)).hasSize(2);
        assertThat(after.find("run-1", "voxloop-rules", "a".repeat(40))).get()
                .extracting(r -> r.review().findings()).isEqualTo(List.of(PRINT));
    }
}

package dev.voxloop.forge.review;

import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.review.ReviewRequest;
import dev.voxloop.core.ticket.Ticket;
import java.util.List;

/** Diffs and requests for the rules' tests, written as git prints them. */
final class ReviewFixture {

    private ReviewFixture() {
    }

    static Ticket ticket(String summary, String... criteria) {
        return new Ticket("TRACK-1", null, "TRACK", summary, "", List.of(criteria), IssueType.STORY, null,
                List.of(), null, null, null, null, null, List.of());
    }

    static ReviewRequest request(String diff, Ticket ticket, List<String> allowlist) {
        List<ReviewRequest.CriterionTrace> traces = new java.util.ArrayList<>();
        List<ReviewRequest.TestOutcome> ci = new java.util.ArrayList<>();
        for (int i = 0; ticket != null && i < ticket.acceptanceCriteria().size(); i++) {
            traces.add(new ReviewRequest.CriterionTrace(i, List.of("T#t" + i)));
            ci.add(new ReviewRequest.TestOutcome("T#t" + i, ReviewRequest.TestResult.PASSED));
        }
        return new ReviewRequest(ReviewRequest.ChangeRef.local("repo", "main", null), diff, ticket,
                new ReviewRequest.ProjectFacts("java", allowlist), traces, ci);
    }

    static ReviewRequest request(String diff) {
        return request(diff, null, List.of());
    }

    /** A diff adding {@code lines} to {@code path} (a new file). */
    static String added(String path, String... lines) {
        StringBuilder d = new StringBuilder("diff --git a/" + path + " b/" + path + "\nnew file mode 100644\n"
                + "index 0000000..1111111\n--- /dev/null\n+++ b/" + path + "\n@@ -0,0 +1," + lines.length + " @@\n");
        for (String l : lines) {
            d.append('+').append(l).append('\n');
        }
        return d.toString();
    }

    /** A diff replacing line {@code at} of {@code path}: {@code before} removed, {@code after} added. */
    static String replaced(String path, int at, String before, String after) {
        return "diff --git a/" + path + " b/" + path + "\nindex 1111111..2222222 100644\n--- a/" + path + "\n+++ b/"
                + path + "\n@@ -" + at + ",1 +" + at + ",1 @@\n-" + before + "\n+" + after + "\n";
    }
}

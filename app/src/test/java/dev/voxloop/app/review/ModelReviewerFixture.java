package dev.voxloop.app.review;

import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.review.ReviewRequest;
import dev.voxloop.core.ticket.Ticket;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A small change for model reviewers to judge, and a model's answer that blocks it. */
final class ModelReviewerFixture {

    static final String WISHLIST = "package shop;\n\nclass Wishlist {\n    void save(String sku) {\n"
            + "        items.add(sku.trim());\n    }\n}\n";

    static final String DIFF = """
            diff --git a/src/shop/Wishlist.java b/src/shop/Wishlist.java
            new file mode 100644
            index 0000000..1111111
            --- /dev/null
            +++ b/src/shop/Wishlist.java
            @@ -0,0 +1,7 @@
            +package shop;
            +
            +class Wishlist {
            +    void save(String sku) {
            +        items.add(sku.trim());
            +    }
            +}
            """;

    /** A review whose one critical finding is on the diff's line 5, as tool-call arguments. */
    static final Object[] BLOCKING_ARGS = {"verdict", "request_changes", "summary", "save() fails on a null sku.",
            "findings", List.of(finding())};

    private ModelReviewerFixture() {
    }

    private static Map<String, Object> finding() {
        Map<String, Object> f = new HashMap<>();
        f.put("path", "src/shop/Wishlist.java");
        f.put("line", 5);
        f.put("severity", "critical");
        f.put("category", "correctness");
        f.put("message", "sku.trim() throws on a null sku");
        f.put("suggestion", "Reject a null sku");
        f.put("follow_up", false);
        return f;
    }

    static ReviewRequest request() {
        Ticket ticket = new Ticket("SHOP-7", "http://t/SHOP-7", "SHOP", "Customers can save items to a wishlist",
                "Saved items survive a restart", List.of("A customer can save an item"), IssueType.STORY,
                Priority.MEDIUM, List.of(), "Open", null, null, Instant.now(), Instant.now(), List.of());
        return new ReviewRequest(new ReviewRequest.ChangeRef("shop", 3, "main", "abc123"), DIFF, ticket, null,
                List.of(), List.of());
    }
}

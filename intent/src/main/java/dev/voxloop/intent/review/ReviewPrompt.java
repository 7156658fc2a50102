package dev.voxloop.intent.review;

import dev.voxloop.core.chat.ChatModel;
import dev.voxloop.core.review.ReviewRequest;
import dev.voxloop.core.ticket.Comment;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.intent.chat.PromptTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The messages a reviewing model gets, rendered from {@code review-system.mustache} and
 * {@code review-request.mustache}: the rules as the system message, then one user message in which the ticket, its
 * comments, the traced tests and the diff each sit XML-escaped inside an element marked as data: the same guard
 * the intent extractor puts around a person's request ({@link dev.voxloop.intent.untrusted.UntrustedBlock}).
 */
public final class ReviewPrompt {

    private static final PromptTemplate SYSTEM = PromptTemplate.load("review-system.mustache");
    private static final PromptTemplate REQUEST = PromptTemplate.load("review-request.mustache");
    private static final PromptTemplate REPAIR = PromptTemplate.load("repair.mustache");
    /** A model's bad answer is shown back to it at most this long. */
    private static final int MAX_ECHOED_ANSWER = 4000;

    private final int maxDiffChars;

    /** @param maxDiffChars the diff is cut after this many characters (the prompt says so) */
    public ReviewPrompt(int maxDiffChars) {
        this.maxDiffChars = maxDiffChars;
    }

    /** The rules: the system message. */
    public String system() {
        return SYSTEM.render(Map.of());
    }

    /** The change as data, and the schema the answer must match: the user message. */
    public String request(ReviewRequest r) {
        Map<String, Object> m = new HashMap<>();
        Ticket t = r.ticket();
        m.put("hasTicket", t != null);
        m.put("key", t == null ? "" : t.key());
        m.put("summary", t == null ? "" : t.summary());
        m.put("description", t == null ? "" : t.description());
        m.put("criteria", r.criteria());
        List<Map<String, String>> comments = new ArrayList<>();
        for (Comment c : t == null ? List.<Comment>of() : t.comments()) {
            comments.add(Map.of("author", String.valueOf(c.author()), "body", String.valueOf(c.body())));
        }
        m.put("comments", comments);
        List<Map<String, String>> tests = new ArrayList<>();
        for (ReviewRequest.CriterionTrace trace : r.traceability()) {
            tests.add(Map.of("criterion", String.valueOf(trace.criterion() + 1), "names", String.join(", ",
                    trace.tests()), "results", results(trace, r.ci())));
        }
        m.put("hasTests", !tests.isEmpty());
        m.put("tests", tests);
        String diff = r.diff();
        boolean cut = diff.length() > maxDiffChars;
        m.put("truncated", cut);
        m.put("shown", String.valueOf(Math.min(diff.length(), maxDiffChars)));
        m.put("total", String.valueOf(diff.length()));
        m.put("diff", cut ? diff.substring(0, maxDiffChars) : diff);
        m.put("schema", ReviewSchema.schema().toString());
        return REQUEST.render(m);
    }

    public List<ChatModel.Message> messages(ReviewRequest r) {
        return List.of(ChatModel.Message.system(system()), ChatModel.Message.user(request(r)));
    }

    /** The re-ask after an answer that did not validate: the model sees its answer and what was wrong. */
    public List<ChatModel.Message> repair(List<ChatModel.Message> first, String badAnswer, List<String> errors) {
        List<ChatModel.Message> out = new ArrayList<>(first);
        out.add(ChatModel.Message.assistant(badAnswer.length() > MAX_ECHOED_ANSWER
                ? badAnswer.substring(0, MAX_ECHOED_ANSWER) : badAnswer));
        out.add(ChatModel.Message.user(repairText(errors)));
        return out;
    }

    /** What is wrong with an answer, as the re-ask says it. */
    public String repairText(List<String> errors) {
        return REPAIR.render(Map.of("errors", String.join("; ", errors)));
    }

    private static String results(ReviewRequest.CriterionTrace trace, List<ReviewRequest.TestOutcome> ci) {
        return trace.tests().stream().map(test -> ci.stream().filter(o -> sameTest(o.test(), test)).findFirst()
                .map(o -> o.result().name().toLowerCase(java.util.Locale.ROOT)).orElse("not run"))
                .collect(Collectors.joining(", "));
    }

    private static boolean sameTest(String a, String b) {
        String x = a.replaceAll("#|::", ".");
        String y = b.replaceAll("#|::", ".");
        return x.equals(y) || x.endsWith("." + y) || y.endsWith("." + x);
    }
}

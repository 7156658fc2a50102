package dev.voxloop.forge.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.review.ReviewRequest;
import dev.voxloop.core.review.ReviewRequest.CriterionTrace;
import dev.voxloop.core.review.ReviewRequest.ProjectFacts;
import dev.voxloop.core.review.ReviewRequest.TestOutcome;
import dev.voxloop.core.review.ReviewRequest.TestResult;
import dev.voxloop.core.ticket.Ticket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a review needs besides the diff, read from a JSON file (the {@code --ticket FILE} of {@code voxloop review},
 * and the {@code case.json} of a review evaluation case): the ticket with its acceptance criteria, the project's
 * dependency allowlist, the tests the change names per criterion and how they ended in CI. Other fields (a case's
 * expected findings and notes) are not read.
 */
public record ReviewContextFile(Ticket ticket, ProjectFacts project, List<CriterionTrace> traceability,
                                List<TestOutcome> ci) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** No ticket, no allowlist, no evidence. */
    public static final ReviewContextFile NONE = new ReviewContextFile(null, ProjectFacts.NONE, List.of(), List.of());

    public ReviewRequest request(ReviewRequest.ChangeRef change, String diff) {
        return new ReviewRequest(change, diff, ticket, project, traceability, ci);
    }

    /** Reads {@code file}; a missing file or a malformed field is a {@code Problem.Kind.INVALID} naming it. */
    public static ReviewContextFile read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new Problem(Problem.Kind.INVALID, file + " cannot be read as JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new Problem(Problem.Kind.INVALID, file + " must hold a JSON object");
        }
        return parse(root, file.toString());
    }

    static ReviewContextFile parse(JsonNode root, String source) {
        JsonNode t = root.path("ticket");
        Ticket ticket = null;
        if (t.isObject()) {
            String type = t.path("type").asText("Story");
            ticket = new Ticket(t.path("key").asText(""), null, t.path("key").asText("").replaceAll("-.*", ""),
                    t.path("summary").asText(""), t.path("description").asText(""),
                    strings(t.path("acceptance_criteria")), IssueType.parse(type).orElse(IssueType.STORY), null,
                    List.of(), null, null, null, null, null, List.of());
        }
        JsonNode p = root.path("project");
        ProjectFacts project = new ProjectFacts(p.path("language").isTextual() ? p.path("language").asText() : null,
                strings(p.path("dependency_allowlist")));
        List<CriterionTrace> traces = new ArrayList<>();
        for (JsonNode n : root.path("traceability")) {
            if (!n.path("criterion").canConvertToInt()) {
                throw new Problem(Problem.Kind.INVALID, source + ": traceability[].criterion must be a number",
                        "traceability");
            }
            traces.add(new CriterionTrace(n.path("criterion").asInt(), strings(n.path("tests"))));
        }
        List<TestOutcome> ci = new ArrayList<>();
        for (JsonNode n : root.path("ci")) {
            String result = n.path("result").asText("");
            TestResult r = switch (result.toLowerCase(Locale.ROOT)) {
                case "passed" -> TestResult.PASSED;
                case "failed" -> TestResult.FAILED;
                case "skipped" -> TestResult.SKIPPED;
                default -> throw new Problem(Problem.Kind.INVALID, source + ": ci[].result must be passed, failed or"
                        + " skipped, not '" + result + "'", "ci");
            };
            ci.add(new TestOutcome(n.path("test").asText(""), r));
        }
        return new ReviewContextFile(ticket, project, traces, ci);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}

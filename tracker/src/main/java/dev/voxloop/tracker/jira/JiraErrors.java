package dev.voxloop.tracker.jira;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voxloop.core.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns Jira's error answers ({@code {"errorMessages":[...], "errors":{"field":"message"}}}) into a
 * {@link Problem} a person can act on. Credentials are never part of a message.
 */
final class JiraErrors {

    private JiraErrors() {
    }

    static Problem problem(JiraResponse r, String what, JiraAuth auth) {
        String detail = detail(r.body());
        String field = firstField(r.body());
        return switch (r.status()) {
            case 400 -> new Problem(Problem.Kind.INVALID,
                    "Jira refused to " + what + ": " + orElse(detail, "the request was not valid"), field);
            case 401 -> new Problem(Problem.Kind.UNAUTHORIZED, "Jira did not accept the credentials (" + auth.describe()
                    + "); check JIRA_EMAIL and JIRA_API_TOKEN, or JIRA_OAUTH_TOKEN");
            case 403 -> new Problem(Problem.Kind.UNAUTHORIZED, "Jira does not allow " + auth.describe() + " to " + what
                    + suffix(detail));
            case 404 -> Problem.notFound("Jira could not find what was needed to " + what + suffix(detail));
            case 409 -> Problem.conflict("Jira reports a conflict trying to " + what + suffix(detail));
            case 413 -> new Problem(Problem.Kind.TOO_LARGE, "Jira says the request to " + what + " is too large");
            default -> new Problem(Problem.Kind.UPSTREAM, "Jira answered " + r.status() + " when asked to " + what
                    + suffix(detail));
        };
    }

    /** "priority: Specify a valid 'id' or 'name' for Priority; Issue type is required." */
    static String detail(JsonNode body) {
        List<String> parts = new ArrayList<>();
        JsonNode errors = body.path("errors");
        if (errors.isObject()) {
            for (Map.Entry<String, JsonNode> e : errors.properties()) {
                parts.add(e.getKey() + ": " + e.getValue().asText());
            }
        }
        for (JsonNode m : body.path("errorMessages")) {
            if (!m.asText().isBlank()) {
                parts.add(m.asText());
            }
        }
        return String.join("; ", parts);
    }

    static String firstField(JsonNode body) {
        JsonNode errors = body.path("errors");
        if (errors.isObject() && errors.size() > 0) {
            return errors.fieldNames().next();
        }
        return null;
    }

    private static String suffix(String detail) {
        return detail.isBlank() ? "" : ": " + detail;
    }

    private static String orElse(String s, String fallback) {
        return s.isBlank() ? fallback : s;
    }
}

package dev.voxloop.intent.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.review.Category;
import dev.voxloop.core.review.Finding;
import dev.voxloop.core.review.Severity;
import dev.voxloop.core.review.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The JSON a reviewing model must answer with: a verdict, a summary and findings (path, line, severity, category,
 * message, suggestion, follow-up). The same schema goes to Ollama's {@code format}, OpenAI's strict
 * {@code json_schema} and Claude Code's {@code --json-schema} (every property required, no additional properties,
 * nullable fields as type unions); {@link #read} checks an answer by hand, because small models do not always keep
 * to a schema and a server may not enforce it.
 */
final class ReviewSchema {

    static final String NAME = "code_review";
    static final String DESCRIPTION = "A review of one change: a verdict, a summary and findings";
    static final List<String> FIELDS = List.of("verdict", "summary", "findings");
    static final List<String> FINDING_FIELDS = List.of("path", "line", "severity", "category", "message",
            "suggestion", "follow_up");
    static final List<String> VERDICTS = List.of("approve", "request_changes", "comment");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReviewSchema() {
    }

    static ObjectNode schema() {
        ObjectNode s = JSON.createObjectNode();
        s.put("type", "object");
        ObjectNode p = s.putObject("properties");
        enumOf(p.putObject("verdict"), VERDICTS).put("description",
                "request_changes when a finding must be fixed before merging, comment for findings that block"
                        + " nothing, approve when there is nothing to say");
        p.putObject("summary").put("type", "string").put("description", "One paragraph a person reads first");
        ObjectNode findings = p.putObject("findings");
        findings.put("type", "array");
        ObjectNode f = findings.putObject("items");
        f.put("type", "object");
        ObjectNode fp = f.putObject("properties");
        nullable(fp.putObject("path"), "string").put("description",
                "The file as the diff names it (without a/ or b/), or null for the change as a whole");
        nullable(fp.putObject("line"), "integer").put("description",
                "A line of the file's new version shown in the diff, or null for the whole file");
        enumOf(fp.putObject("severity"), Arrays.stream(Severity.values()).map(Severity::id).toList());
        enumOf(fp.putObject("category"), Arrays.stream(Category.values()).map(Category::id).toList());
        fp.putObject("message").put("type", "string").put("description", "What is wrong, in one or two sentences");
        nullable(fp.putObject("suggestion"), "string").put("description", "What to do instead, or null");
        fp.putObject("follow_up").put("type", "boolean").put("description",
                "True when it deserves a ticket of its own rather than a fix in this change");
        required(f, FINDING_FIELDS);
        required(s, FIELDS);
        return s;
    }

    /** A model's answer read as a review, or the plain-words errors that make it none. */
    record Read(Verdict verdict, String summary, List<Finding> findings, List<String> errors) {
    }

    /**
     * Checks {@code n} against {@link #schema()}; findings are authored by {@code author}; a line the diff does not
     * show becomes a finding about the whole file.
     */
    static Read read(JsonNode n, String author, DiffLines diff) {
        List<String> errors = new ArrayList<>();
        if (n == null || !n.isObject()) {
            return new Read(null, null, List.of(), List.of("the answer must be one JSON object"));
        }
        fields(n, FIELDS, "", errors);
        Verdict verdict = null;
        JsonNode v = n.get("verdict");
        if (v != null && (!v.isTextual() || !VERDICTS.contains(v.asText().strip().toLowerCase(Locale.ROOT)))) {
            errors.add("\"verdict\" must be one of " + VERDICTS);
        } else if (v != null) {
            verdict = Verdict.valueOf(v.asText().strip().toUpperCase(Locale.ROOT));
        }
        JsonNode summary = n.get("summary");
        if (summary != null && !summary.isTextual()) {
            errors.add("\"summary\" must be a string");
        }
        List<Finding> findings = new ArrayList<>();
        JsonNode list = n.get("findings");
        if (list != null && !list.isArray()) {
            errors.add("\"findings\" must be an array");
        } else if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                Finding f = finding(list.get(i), "findings[" + i + "]", author, diff, errors);
                if (f != null) {
                    findings.add(f);
                }
            }
        }
        return new Read(verdict, summary == null ? "" : summary.asText(""), findings, errors);
    }

    private static Finding finding(JsonNode f, String at, String author, DiffLines diff, List<String> errors) {
        if (!f.isObject()) {
            errors.add(at + " must be an object");
            return null;
        }
        int before = errors.size();
        fields(f, FINDING_FIELDS, at + ".", errors);
        Severity severity = parse(f.get("severity"), at + ".severity", errors, Severity::parse);
        Category category = parse(f.get("category"), at + ".category", errors, Category::parse);
        String message = text(f, "message", at, false, errors);
        String path = text(f, "path", at, true, errors);
        String suggestion = text(f, "suggestion", at, true, errors);
        JsonNode line = f.get("line");
        if (line != null && !line.isNull() && !line.canConvertToInt()) {
            errors.add("\"" + at + ".line\" must be a whole number or null");
        }
        JsonNode followUp = f.get("follow_up");
        if (followUp != null && !followUp.isBoolean()) {
            errors.add("\"" + at + ".follow_up\" must be true or false");
        }
        if (errors.size() > before) {
            return null;
        }
        if (message == null || message.isBlank()) {
            errors.add("\"" + at + ".message\" must say what is wrong");
            return null;
        }
        Integer at0 = line == null || line.isNull() ? null : line.asInt();
        String file = path == null || path.isBlank() ? null : path.strip().replaceFirst("^[ab]/", "");
        Integer shown = file != null && at0 != null && diff.shows(file, at0) ? at0 : null;
        return new Finding(file, shown, severity, category, message.strip(),
                suggestion == null || suggestion.isBlank() ? null : suggestion.strip(), author,
                followUp != null && followUp.asBoolean());
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> T parse(JsonNode v, String at, List<String> errors, Parser<T> parser) {
        if (v == null) {
            return null;
        }
        try {
            if (!v.isTextual()) {
                throw new IllegalArgumentException("\"" + at + "\" must be a string");
            }
            return parser.parse(v.asText());
        } catch (IllegalArgumentException e) {
            errors.add("\"" + at + "\": " + e.getMessage());
            return null;
        }
    }

    private static String text(JsonNode f, String field, String at, boolean nullable, List<String> errors) {
        JsonNode v = f.get(field);
        if (v == null || (nullable && v.isNull())) {
            return null;
        }
        if (!v.isTextual()) {
            errors.add("\"" + at + "." + field + "\" must be a string" + (nullable ? " or null" : ""));
            return null;
        }
        return v.asText();
    }

    private static void fields(JsonNode n, List<String> expected, String prefix, List<String> errors) {
        for (String f : expected) {
            if (!n.has(f)) {
                errors.add("missing property \"" + prefix + f + "\"");
            }
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!expected.contains(f)) {
                errors.add("unknown property \"" + prefix + f + "\"");
            }
        }
    }

    private static ObjectNode enumOf(ObjectNode node, List<String> values) {
        node.put("type", "string");
        ArrayNode e = node.putArray("enum");
        values.forEach(e::add);
        return node;
    }

    private static ObjectNode nullable(ObjectNode node, String type) {
        node.putArray("type").add(type).add("null");
        return node;
    }

    private static void required(ObjectNode node, List<String> fields) {
        ArrayNode r = node.putArray("required");
        fields.forEach(r::add);
        node.put("additionalProperties", false);
    }
}

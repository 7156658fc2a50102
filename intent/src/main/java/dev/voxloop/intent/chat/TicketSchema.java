package dev.voxloop.intent.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.ticket.Project;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The JSON a model must answer with: flat (enums, strings, arrays of strings, one object of numbers), because
 * small models and grammar engines handle flat schemas best. The same schema goes to Ollama's {@code format} and
 * to OpenAI's strict {@code json_schema} (every property required, no additional properties, nullable fields as
 * type unions); lengths and ranges that strict mode does not accept are checked here, by hand, after the answer.
 */
public final class TicketSchema {

    public static final String NAME = "ticket_draft";
    public static final String DESCRIPTION = "A ticket draft extracted from a spoken feature request";
    static final List<String> FIELDS = List.of("summary", "description", "acceptance_criteria", "issue_type",
            "priority", "project_key", "parent_key", "labels", "missing", "ambiguities", "questions", "confidence",
            "ambiguity_score");
    static final List<String> CONFIDENCE_FIELDS = List.of("summary", "issue_type", "priority", "project",
            "acceptance_criteria");
    static final List<String> MISSING_VALUES = List.of("summary", "issue_type", "priority", "project",
            "acceptance_criteria", "parent");

    private static final ObjectMapper JSON = new ObjectMapper();

    private TicketSchema() {
    }

    /** The schema for a request whose real projects are {@code projects}: project_key is one of their keys or null. */
    public static ObjectNode schema(List<Project> projects) {
        ObjectNode s = JSON.createObjectNode();
        s.put("type", "object");
        ObjectNode p = s.putObject("properties");
        p.putObject("summary").put("type", "string")
                .put("description", "One line, 3 to 255 characters, saying what should change");
        p.putObject("description").put("type", "string").put("description", "The request in full, in plain words");
        stringArray(p, "acceptance_criteria", "Testable statements, Gherkin style (Given/When/Then) where natural");
        enumOf(p.putObject("issue_type"), Arrays.stream(IssueType.values()).map(IssueType::label).toList(), true)
                .put("description", "null when the request does not say enough to tell");
        enumOf(p.putObject("priority"), Arrays.stream(Priority.values()).map(Priority::label).toList(), true)
                .put("description", "Medium unless urgency words say otherwise");
        List<String> keys = projects.stream().map(Project::key).toList();
        enumOf(p.putObject("project_key"), keys, true)
                .put("description", "One of the listed project keys, or null when the request does not say");
        ObjectNode parent = p.putObject("parent_key");
        parent.putArray("type").add("string").add("null");
        parent.put("description", "Parent ticket key for a Sub-task, else null");
        stringArray(p, "labels", "Short labels without spaces");
        ObjectNode missing = p.putObject("missing");
        missing.put("type", "array");
        enumOf(missing.putObject("items"), MISSING_VALUES, false);
        stringArray(p, "ambiguities", "What is unclear, in plain words");
        stringArray(p, "questions", "Questions for the person, most valuable first; empty when nothing is unclear");
        ObjectNode conf = p.putObject("confidence");
        conf.put("type", "object");
        ObjectNode cp = conf.putObject("properties");
        ArrayNode creq = conf.putArray("required");
        for (String f : CONFIDENCE_FIELDS) {
            cp.putObject(f).put("type", "number");
            creq.add(f);
        }
        conf.put("additionalProperties", false);
        p.putObject("ambiguity_score").put("type", "number")
                .put("description", "0 (clear) to 1 (cannot tell what is wanted)");
        ArrayNode req = s.putArray("required");
        FIELDS.forEach(req::add);
        s.put("additionalProperties", false);
        return s;
    }

    /**
     * Hand validation against {@link #schema}, plus what strict mode cannot say (lengths, ranges, label spaces).
     *
     * @return plain-words errors, empty when valid
     */
    public static List<String> validate(JsonNode n, List<Project> projects) {
        List<String> errors = new ArrayList<>();
        if (n == null || !n.isObject()) {
            errors.add("the answer must be one JSON object");
            return errors;
        }
        for (String f : FIELDS) {
            if (!n.has(f)) {
                errors.add("missing property \"" + f + "\"");
            }
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                errors.add("unknown property \"" + f + "\"");
            }
        }
        JsonNode summary = n.get("summary");
        if (summary != null) {
            if (!summary.isTextual()) {
                errors.add("\"summary\" must be a string");
            } else {
                int len = summary.asText().strip().length();
                if (len < TicketDraft.SUMMARY_MIN || len > TicketDraft.SUMMARY_MAX) {
                    errors.add("\"summary\" must be 3 to 255 characters (it has " + len + ")");
                }
            }
        }
        requireType(n, "description", JsonNode::isTextual, "a string", errors);
        stringArrayCheck(n, "acceptance_criteria", errors);
        stringArrayCheck(n, "labels", errors);
        stringArrayCheck(n, "ambiguities", errors);
        stringArrayCheck(n, "questions", errors);
        nullableEnum(n, "issue_type", Arrays.stream(IssueType.values()).map(IssueType::label).toList(), errors);
        nullableEnum(n, "priority", Arrays.stream(Priority.values()).map(Priority::label).toList(), errors);
        nullableEnum(n, "project_key", projects.stream().map(Project::key).toList(), errors);
        JsonNode parent = n.get("parent_key");
        if (parent != null && !parent.isNull() && !parent.isTextual()) {
            errors.add("\"parent_key\" must be a string or null");
        }
        JsonNode labels = n.get("labels");
        if (labels != null && labels.isArray()) {
            for (JsonNode l : labels) {
                if (l.isTextual() && l.asText().strip().contains(" ")) {
                    errors.add("labels may not contain spaces (\"" + l.asText() + "\")");
                }
            }
        }
        JsonNode missing = n.get("missing");
        if (missing != null) {
            if (!missing.isArray()) {
                errors.add("\"missing\" must be an array");
            } else {
                for (JsonNode m : missing) {
                    if (!m.isTextual() || !MISSING_VALUES.contains(m.asText())) {
                        errors.add("\"missing\" items must be one of " + MISSING_VALUES);
                        break;
                    }
                }
            }
        }
        JsonNode conf = n.get("confidence");
        if (conf != null) {
            if (!conf.isObject()) {
                errors.add("\"confidence\" must be an object");
            } else {
                Set<String> allowed = Set.copyOf(CONFIDENCE_FIELDS);
                for (String f : CONFIDENCE_FIELDS) {
                    JsonNode v = conf.get(f);
                    if (v == null || !v.isNumber() || v.asDouble() < 0 || v.asDouble() > 1) {
                        errors.add("\"confidence." + f + "\" must be a number from 0 to 1");
                    }
                }
                conf.fieldNames().forEachRemaining(f -> {
                    if (!allowed.contains(f)) {
                        errors.add("unknown property \"confidence." + f + "\"");
                    }
                });
            }
        }
        JsonNode score = n.get("ambiguity_score");
        if (score != null && (!score.isNumber() || score.asDouble() < 0 || score.asDouble() > 1)) {
            errors.add("\"ambiguity_score\" must be a number from 0 to 1");
        }
        return errors;
    }

    private static ObjectNode enumOf(ObjectNode node, List<String> values, boolean nullable) {
        if (nullable) {
            node.putArray("type").add("string").add("null");
        } else {
            node.put("type", "string");
        }
        ArrayNode e = node.putArray("enum");
        values.forEach(e::add);
        if (nullable) {
            e.addNull();
        }
        return node;
    }

    private static void stringArray(ObjectNode props, String name, String description) {
        ObjectNode a = props.putObject(name);
        a.put("type", "array");
        a.putObject("items").put("type", "string");
        a.put("description", description);
    }

    private static void requireType(JsonNode n, String f, java.util.function.Predicate<JsonNode> ok, String what,
                                    List<String> errors) {
        JsonNode v = n.get(f);
        if (v != null && !ok.test(v)) {
            errors.add("\"" + f + "\" must be " + what);
        }
    }

    private static void stringArrayCheck(JsonNode n, String f, List<String> errors) {
        JsonNode v = n.get(f);
        if (v == null) {
            return;
        }
        if (!v.isArray()) {
            errors.add("\"" + f + "\" must be an array of strings");
            return;
        }
        for (JsonNode i : v) {
            if (!i.isTextual()) {
                errors.add("\"" + f + "\" must be an array of strings");
                return;
            }
        }
    }

    /** Enum values are matched case-insensitively: small models answer "high" as often as "High". */
    private static void nullableEnum(JsonNode n, String f, List<String> values, List<String> errors) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) {
            return;
        }
        if (!v.isTextual() || values.stream().noneMatch(x -> x.equalsIgnoreCase(v.asText().strip()))) {
            if (f.equals("project_key")) {
                return; // an unknown project is dropped during resolution, not worth a second ask
            }
            errors.add("\"" + f + "\" must be one of " + values + " or null (got " + v + ")");
        }
    }
}

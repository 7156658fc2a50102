package dev.voxloop.tracker.jira;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.tracker.jira.CreateMetadata.FieldMeta;
import dev.voxloop.tracker.jira.CreateMetadata.IssueTypeMeta;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the body of {@code POST /rest/api/3/issue} from a draft and the project's create metadata, and refuses
 * early, in plain words, what Jira would refuse: an issue type or priority the project does not have, a
 * sub-task without a parent, a required field voxloop cannot fill.
 */
final class IssueFields {

    /** Fields voxloop fills itself, or that Jira fills (reporter defaults to the caller). */
    private static final Set<String> FILLED = Set.of("project", "issuetype", "summary", "description", "priority",
            "labels", "parent", "reporter");

    static final String PROPERTY_KEY = "voxloop.intake";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private IssueFields() {
    }

    static IssueTypeMeta issueType(TicketDraft draft, String projectKey, List<IssueTypeMeta> types) {
        IssueType wanted = draft.issueType() == null ? IssueType.TASK : draft.issueType();
        for (IssueTypeMeta t : types) {
            if (wanted == IssueType.SUB_TASK ? t.subtask() : t.name().equalsIgnoreCase(wanted.label()) && !t.subtask()) {
                return t;
            }
        }
        List<String> names = types.stream().map(IssueTypeMeta::name).toList();
        throw Problem.invalid("issueType", "issue type: '" + wanted.label() + "' is not available in project "
                + projectKey + " (available: " + String.join(", ", names) + ")");
    }

    static ObjectNode body(TicketDraft draft, Provenance provenance, String projectKey, IssueTypeMeta type,
                           Map<String, FieldMeta> screen, Map<String, Object> configured) {
        ObjectNode fields = F.objectNode();
        fields.set("project", F.objectNode().put("key", projectKey));
        fields.set("issuetype", F.objectNode().put("id", type.id()));
        String summary = draft.summary().replaceAll("\\s+", " ").strip();
        if (summary.isEmpty()) {
            throw Problem.invalid("summary", "summary: a ticket needs a summary");
        }
        fields.put("summary", summary.length() > TicketDraft.SUMMARY_MAX ? summary.substring(0, TicketDraft.SUMMARY_MAX) : summary);
        if (screen.isEmpty() || screen.containsKey("description")) {
            fields.set("description", AdfDocument.ticketBody(draft, provenance));
        }
        if (draft.priority() != null) {
            FieldMeta p = screen.get("priority");
            if (p != null) {
                String name = p.allowed().isEmpty() ? draft.priority().label()
                        : p.allowedIgnoringCase(draft.priority().label()).orElseThrow(() -> Problem.invalid("priority",
                        "priority: the priority '" + draft.priority().label() + "' is not available in project "
                                + projectKey + " (available: " + String.join(", ", p.allowed()) + ")"));
                fields.set("priority", F.objectNode().put("name", name));
            }
            // not on the create screen: Jira would answer 400, so the priority is left to the project default
        }
        if (screen.isEmpty() || screen.containsKey("labels")) {
            ArrayNode labels = F.arrayNode();
            labels(draft, provenance).forEach(labels::add);
            fields.set("labels", labels);
        }
        // a description or labels the create screen lacks are added after creation (OffScreenFields)
        if (type.subtask()) {
            if (draft.parentKey() == null || draft.parentKey().isBlank()) {
                throw Problem.invalid("parentKey", "parent: a " + type.name() + " needs a parent issue key");
            }
            fields.set("parent", F.objectNode().put("key", draft.parentKey().strip()));
        } else if (draft.parentKey() != null && !draft.parentKey().isBlank() && screen.containsKey("parent")) {
            fields.set("parent", F.objectNode().put("key", draft.parentKey().strip()));
        }
        configured.forEach((id, value) -> {
            if (screen.containsKey(id) && !FILLED.contains(id)) {
                fields.set(id, F.pojoNode(value));
            }
        });
        List<FieldMeta> unfilled = new ArrayList<>();
        for (FieldMeta f : screen.values()) {
            if (f.required() && !f.hasDefaultValue() && !FILLED.contains(f.fieldId()) && !fields.has(f.fieldId())) {
                unfilled.add(f);
            }
        }
        if (!unfilled.isEmpty()) {
            throw Problem.invalid(unfilled.size() == 1 ? unfilled.get(0).fieldId() : null,
                    "Jira project " + projectKey + " requires " + String.join(", ", unfilled.stream()
                            .map(f -> f.name() + " (" + f.fieldId() + ")").toList()) + " for " + type.name()
                            + ", which voxloop does not fill; set tracker.jira.fields." + unfilled.get(0).fieldId()
                            + " in voxloop.yaml, or make it optional or give it a default in Jira");
        }
        ObjectNode body = F.objectNode();
        body.set("fields", fields);
        if (provenance != null && provenance.intakeId() != null) {
            ObjectNode value = F.objectNode().put("intakeId", provenance.intakeId()).put("spoken", provenance.spoken());
            if (provenance.at() != null) {
                value.put("at", provenance.at().toString());
            }
            body.set("properties", F.arrayNode().add(F.objectNode().put("key", PROPERTY_KEY).set("value", value)));
        }
        return body;
    }

    static List<String> labels(TicketDraft draft, Provenance provenance) {
        LinkedHashSet<String> out = new LinkedHashSet<>(TicketDraft.normaliseLabels(draft.labels()));
        if (provenance != null) {
            if (provenance.spoken()) {
                out.add(TicketTracker.VOICE_INITIATED);
            }
            if (provenance.intakeId() != null && !provenance.intakeId().isBlank()) {
                out.add(Jql.intakeLabel(provenance.intakeId()));
            }
        }
        return List.copyOf(out);
    }
}

package dev.voxloop.tracker.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.ticket.Comment;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.Ticket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What the person approved and a project's create screen has no field for (the description with its acceptance
 * criteria, the labels), added to the new issue afterwards: by an edit when the edit screen has the field
 * ({@code GET .../editmeta}, then {@code PUT /rest/api/3/issue/{key}}), else as a comment. The issue says so in a
 * comment starting with {@link #MARK}, and the notes come back with the ticket, so nothing approved is dropped
 * silently.
 *
 * <p>Safe to run again (a retried create that finds its issue): it looks at what the issue holds now, edits only
 * what is still missing, and posts a comment only when no comment with the same first line exists; notes of an
 * earlier attempt are read back from those comments.
 */
final class OffScreenFields {

    /** First word of every comment voxloop writes about a field it added after creation. */
    static final String MARK = "[voxloop]";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern SCREEN_REFUSAL = Pattern.compile("(?i).*(cannot be set|not on the appropriate screen).*");

    private final JiraTransport transport;
    private final Function<String, Ticket> read;

    /** @param read the issue as it is now, by key */
    OffScreenFields(JiraTransport transport, Function<String, Ticket> read) {
        this.transport = transport;
        this.read = read;
    }

    /** The fields of a refused create that Jira named as not on its screen (only description and labels). */
    static Set<String> refusedAsOffScreen(JsonNode body) {
        Set<String> out = new HashSet<>();
        body.path("errors").properties().forEach(e -> {
            if ((e.getKey().equals("description") || e.getKey().equals("labels"))
                    && SCREEN_REFUSAL.matcher(e.getValue().asText()).matches()) {
                out.add(e.getKey());
            }
        });
        return out;
    }

    /** Adds what {@code filed} lacks of the approved draft; the ticket as it is then, with the notes. */
    Ticket complete(Ticket filed, TicketDraft draft, Provenance provenance) {
        String key = filed.key();
        String project = filed.projectKey();
        if (!lacks(filed, draft, provenance)) {
            return filed.withNotes(notes(filed));
        }
        List<String> missingLabels = IssueFields.labels(draft, provenance).stream()
                .filter(l -> !filed.labels().contains(l)).toList();
        boolean missingBody = filed.description().isBlank() && filed.acceptanceCriteria().isEmpty()
                && (!draft.description().isBlank() || !draft.acceptanceCriteria().isEmpty());
        List<String> said = new ArrayList<>();
        if (missingBody || !missingLabels.isEmpty()) {
            Set<String> editable = editable(key);
            ObjectNode fields = F.objectNode();
            ObjectNode update = F.objectNode();
            if (missingBody && editable.contains("description")) {
                fields.set("description", AdfDocument.ticketBody(draft, provenance));
                said.add("The description and acceptance criteria were added by an edit after the issue was"
                        + " created: the create screen of " + project + " has no Description field.");
            }
            if (!missingLabels.isEmpty() && editable.contains("labels")) {
                ArrayNode ops = update.putArray("labels");
                missingLabels.forEach(l -> ops.addObject().put("add", l));
                said.add("The labels " + String.join(", ", missingLabels) + " were added by an edit after the issue"
                        + " was created: the create screen of " + project + " has no Labels field.");
            }
            if (!fields.isEmpty() || !update.isEmpty()) {
                ObjectNode body = F.objectNode();
                body.set("fields", fields);
                body.set("update", update);
                transport.call(new JiraRequest("PUT", "/rest/api/3/issue/" + JiraRequest.segment(key), Map.of(), body,
                        true, "add the fields " + key + "'s create screen lacks"));
            }
            List<Comment> comments = filed.comments();
            for (String line : said) {
                commentOnce(key, comments, AdfDocument.plain(MARK + " " + line), MARK + " " + line);
            }
            if (missingBody && !editable.contains("description")) {
                String line = MARK + " The approved description and acceptance criteria are below: neither the create"
                        + " nor the edit screen of " + project + " has a Description field.";
                ObjectNode doc = AdfDocument.ticketBody(draft, provenance);
                ((ArrayNode) doc.path("content")).insert(0, AdfDocument.plain(line).path("content").get(0));
                commentOnce(key, comments, doc, line);
            }
            if (!missingLabels.isEmpty() && !editable.contains("labels")) {
                String line = MARK + " Approved labels: " + String.join(", ", missingLabels) + " (neither the create nor"
                        + " the edit screen of " + project + " has a Labels field).";
                commentOnce(key, comments, AdfDocument.plain(line), line);
            }
        }
        Ticket now = read.apply(key);
        return now.withNotes(notes(now));
    }

    private static boolean lacks(Ticket filed, TicketDraft draft, Provenance provenance) {
        return !filed.labels().containsAll(IssueFields.labels(draft, provenance))
                || filed.description().isBlank() && filed.acceptanceCriteria().isEmpty()
                && (!draft.description().isBlank() || !draft.acceptanceCriteria().isEmpty());
    }

    /** Fields the edit screen of the issue has. */
    private Set<String> editable(String key) {
        JsonNode meta = transport.call(JiraRequest.get("/rest/api/3/issue/" + JiraRequest.segment(key) + "/editmeta",
                Map.of(), "read which fields of " + key + " can be edited"));
        Set<String> out = new HashSet<>();
        meta.path("fields").fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** Posts the comment unless one starting with {@code firstLine} is there (also after an unclear attempt). */
    private void commentOnce(String key, List<Comment> existing, ObjectNode doc, String firstLine) {
        if (has(existing, firstLine)) {
            return;
        }
        ObjectNode payload = F.objectNode();
        payload.set("body", doc);
        transport.call(JiraRequest.post("/rest/api/3/issue/" + JiraRequest.segment(key) + "/comment", payload,
                "comment on " + key), () -> has(read.apply(key).comments(), firstLine)
                ? Optional.of(new JiraResponse(201, F.objectNode())) : Optional.empty());
    }

    private static boolean has(List<Comment> comments, String firstLine) {
        return comments.stream().anyMatch(c -> c.body().strip().startsWith(firstLine));
    }

    /** The notes of comments voxloop wrote about fields it added (this attempt's and any earlier one's). */
    static List<String> notes(Ticket t) {
        return t.comments().stream().map(c -> c.body().strip().lines().findFirst().orElse(""))
                .filter(l -> l.startsWith(MARK)).map(l -> l.substring(MARK.length()).strip()).distinct().toList();
    }
}

package dev.voxloop.tracker.jira;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.ticket.Comment;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.core.ticket.Ticket;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Maps Jira's JSON (issue, project, comment) to core records. */
final class JiraIssues {

    /** Fields asked for when reading issues, so search answers stay small. */
    static final String FIELDS = "summary,description,issuetype,priority,labels,status,parent,project,created,updated,comment";

    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private JiraIssues() {
    }

    static Ticket ticket(JsonNode issue, Function<String, String> browseUrl) {
        JsonNode f = issue.path("fields");
        String key = issue.path("key").asText();
        AdfText.Sections body = AdfText.sections(f.path("description"));
        List<String> labels = new ArrayList<>();
        f.path("labels").forEach(l -> labels.add(l.asText()));
        String intakeId = labels.stream().filter(l -> l.startsWith(Jql.INTAKE_LABEL_PREFIX))
                .map(l -> l.substring(Jql.INTAKE_LABEL_PREFIX.length())).findFirst().orElse(null);
        List<Comment> comments = new ArrayList<>();
        for (JsonNode c : f.path("comment").path("comments")) {
            comments.add(comment(c));
        }
        return new Ticket(key, browseUrl.apply(key), f.path("project").path("key").asText(projectOf(key)),
                f.path("summary").asText(""), body.description(), body.acceptanceCriteria(),
                IssueType.parse(f.path("issuetype").path("name").asText(null))
                        .or(() -> f.path("issuetype").path("subtask").asBoolean() ? Optional.of(IssueType.SUB_TASK)
                                : Optional.empty()).orElse(null),
                Priority.parse(f.path("priority").path("name").asText(null)).orElse(null), labels,
                f.path("status").path("name").asText(null), f.path("parent").path("key").asText(null), intakeId,
                time(f.path("created").asText(null)), time(f.path("updated").asText(null)), comments);
    }

    static Comment comment(JsonNode c) {
        return new Comment(c.path("author").path("displayName").asText(null), AdfText.plain(c.path("body")),
                time(c.path("created").asText(null)));
    }

    static Project project(JsonNode p) {
        return new Project(p.path("key").asText(), p.path("name").asText(), p.path("description").asText(""), List.of());
    }

    static Instant time(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s, JIRA_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e2) {
                return null; // a time we cannot read is shown as unknown rather than failing the whole ticket
            }
        }
    }

    private static String projectOf(String key) {
        int dash = key.lastIndexOf('-');
        return dash > 0 ? key.substring(0, dash) : "";
    }
}

package dev.voxloop.store.ticket;

import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.ticket.Comment;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.store.Json;
import dev.voxloop.store.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Reads the built-in tracker's tickets with their comments (one query for the comments of a whole page). */
final class TicketReader {

    private static final String COLUMNS = "ticket_key, project_key, summary, description, acceptance_criteria, "
            + "issue_type, priority, labels, status, parent_key, intake_id, created_at, updated_at";

    private final Jdbi jdbi;
    private final Json json;
    private final UnaryOperator<String> browseUrl;

    /** @param browseUrl a ticket's page from its key */
    TicketReader(Jdbi jdbi, Json json, UnaryOperator<String> browseUrl) {
        this.jdbi = jdbi;
        this.json = json;
        this.browseUrl = browseUrl;
    }

    Optional<Ticket> find(String key) {
        if (key == null) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM tracker_tickets WHERE ticket_key = :k")
                .bind("k", key.strip()).map((r, ctx) -> row(r)).findOne()
                .map(t -> withComments(h, List.of(t)).getFirst()));
    }

    List<Ticket> list(String projectKey, int limit) {
        return jdbi.withHandle(h -> {
            var q = h.createQuery("SELECT " + COLUMNS + " FROM tracker_tickets"
                    + (projectKey == null ? "" : " WHERE project_key = :p")
                    + " ORDER BY created_at DESC, project_key, ticket_number DESC LIMIT :limit");
            if (projectKey != null) {
                q.bind("p", projectKey);
            }
            return withComments(h, q.bind("limit", Math.max(0, limit)).map((r, ctx) -> row(r)).list());
        });
    }

    /** The ticket filed for an intake, if one was. */
    Optional<Ticket> byIntake(String intakeId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT ticket_key FROM tracker_tickets WHERE intake_id = :i")
                .bind("i", intakeId).mapTo(String.class).findOne()).flatMap(this::find);
    }

    private Ticket row(ResultSet r) throws SQLException {
        String key = r.getString("ticket_key");
        return new Ticket(key, browseUrl.apply(key), r.getString("project_key"), r.getString("summary"),
                r.getString("description"), json.readStrings(r.getString("acceptance_criteria")),
                IssueType.valueOf(r.getString("issue_type")), Priority.valueOf(r.getString("priority")),
                json.readStrings(r.getString("labels")), r.getString("status"), r.getString("parent_key"),
                r.getString("intake_id"), Times.read(r, "created_at"), Times.read(r, "updated_at"), List.of());
    }

    private List<Ticket> withComments(Handle h, List<Ticket> tickets) {
        if (tickets.isEmpty()) {
            return tickets;
        }
        record Row(String key, Comment comment) { }
        Map<String, List<Comment>> byKey = new HashMap<>();
        h.createQuery("SELECT ticket_key, author, body, created_at FROM tracker_comments WHERE ticket_key IN (<keys>) "
                        + "ORDER BY id").bindList("keys", tickets.stream().map(Ticket::key).toList())
                .map((r, ctx) -> new Row(r.getString("ticket_key"), new Comment(r.getString("author"),
                        r.getString("body"), Times.read(r, "created_at"))))
                .forEach(row -> byKey.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(row.comment()));
        if (byKey.isEmpty()) {
            return tickets;
        }
        return tickets.stream().map(t -> new Ticket(t.key(), t.url(), t.projectKey(), t.summary(), t.description(),
                t.acceptanceCriteria(), t.issueType(), t.priority(), t.labels(), t.status(), t.parentKey(),
                t.intakeId(), t.createdAt(), t.updatedAt(), byKey.getOrDefault(t.key(), List.of()))).toList();
    }
}

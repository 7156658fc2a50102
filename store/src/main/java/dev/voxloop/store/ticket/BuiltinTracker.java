package dev.voxloop.store.ticket;

import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.core.ticket.TicketStatus;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.store.Database;
import dev.voxloop.store.Json;
import dev.voxloop.store.Times;
import dev.voxloop.store.Unique;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The built-in tracker: tables in our own database (so it lives in store, not in the tracker module).
 *
 * <p>Projects are upserted from configuration when the tracker is built ({@link ProjectTable}). Ticket keys are
 * {@code KEY-N} from a per-project counter row that {@link #create} locks ({@code SELECT ... FOR UPDATE}) for its
 * transaction, so concurrent creates get distinct, consecutive numbers on PostgreSQL and H2 alike. {@link #create}
 * is idempotent on {@code provenance.intakeId()}: a unique constraint backs the check made under that lock.
 *
 * <p>A draft without a type becomes a Task, without a priority Medium. New tickets are "To Do".
 */
public final class BuiltinTracker implements TicketTracker {

    public static final String NAME = "builtin";
    /** Author of comments made through {@link #comment}. */
    public static final String AUTHOR = "voxloop";

    private final Jdbi jdbi;
    private final Json json;
    private final Supplier<String> publicBaseUrl;
    private final Clock clock;
    private final TicketReader reader;
    private final ProjectTable table;
    private final List<Project> configured;
    /** Active projects as seeded by this instance (configuration is read once, on first use). */
    private volatile List<Project> projects;

    /**
     * Upserts {@code projects} (use {@link TrackerProjects#from}) into the project table when they are first asked
     * for (or a ticket is first filed).
     *
     * @param publicBaseUrl where people reach this server, e.g. http://127.0.0.1:8000 (ticket pages hang below)
     */
    public BuiltinTracker(Database database, List<Project> projects, String publicBaseUrl, Clock clock) {
        this(database, projects, () -> publicBaseUrl, clock);
    }

    /**
     * @param publicBaseUrl asked each time a link is made, so a server that learns its port late (port 0, --port)
     *                      still hands out working links
     */
    public BuiltinTracker(Database database, List<Project> projects, Supplier<String> publicBaseUrl, Clock clock) {
        this.jdbi = database.jdbi();
        this.json = new Json();
        this.publicBaseUrl = publicBaseUrl;
        this.clock = clock;
        this.reader = new TicketReader(jdbi, json, this::browseUrl);
        this.table = new ProjectTable(jdbi, json);
        this.configured = projects == null || projects.isEmpty() ? TrackerProjects.DEFAULTS : projects;
    }

    public BuiltinTracker(Database database, List<Project> projects, String publicBaseUrl) {
        this(database, projects, publicBaseUrl, Clock.systemUTC());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Project> projects() {
        List<Project> active = projects;
        if (active == null) {
            // seeded on first use rather than when built: a server builds its tracker while the schema migrates
            synchronized (table) {
                if (projects == null) {
                    table.seed(configured);
                    projects = table.active();
                }
                active = projects;
            }
        }
        return active;
    }

    @Override
    public Ticket create(TicketDraft draft, Provenance provenance) {
        if (draft == null) {
            throw Problem.invalid("draft", "nothing to file");
        }
        String summary = draft.summary();
        if (summary.isBlank()) {
            throw Problem.invalid("summary", "a ticket needs a summary");
        }
        if (summary.length() > TicketDraft.SUMMARY_MAX) {
            throw Problem.invalid("summary", "a summary has at most " + TicketDraft.SUMMARY_MAX + " characters, this "
                    + "one has " + summary.length());
        }
        String intakeId = provenance == null ? null : provenance.intakeId();
        if (intakeId != null) {
            Optional<Ticket> existing = reader.byIntake(intakeId);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        String projectKey = ProjectTable.require(draft.projectKey(), projects());
        try {
            Filed filed = jdbi.inTransaction(h -> file(h, projectKey, draft, provenance));
            return filed.ticket() != null ? filed.ticket() : find(filed.key()).orElseThrow();
        } catch (RuntimeException e) {
            if (intakeId != null && Unique.violated(e)) {
                return reader.byIntake(intakeId).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    /** The outcome of {@link #file}: the new ticket, or the key of the one filed earlier for the same intake. */
    private record Filed(String key, Ticket ticket) { }

    /** Inside one transaction: lock the project's counter, re-check the intake, take the next number, insert. */
    private Filed file(Handle h, String projectKey, TicketDraft d, Provenance p) {
        int last = h.createQuery("SELECT last_number FROM tracker_counters WHERE project_key = :p FOR UPDATE")
                .bind("p", projectKey).mapTo(Integer.class).one();
        if (p != null && p.intakeId() != null) {
            Optional<String> existing = h.createQuery("SELECT ticket_key FROM tracker_tickets WHERE intake_id = :i")
                    .bind("i", p.intakeId()).mapTo(String.class).findOne();
            if (existing.isPresent()) {
                return new Filed(existing.get(), null);
            }
        }
        int number = last + 1;
        h.createUpdate("UPDATE tracker_counters SET last_number = :n WHERE project_key = :p")
                .bind("n", number).bind("p", projectKey).execute();
        String key = projectKey + "-" + number;
        Instant now = Times.stored(clock.instant());
        IssueType type = d.issueType() == null ? IssueType.TASK : d.issueType();
        Priority priority = d.priority() == null ? Priority.MEDIUM : d.priority();
        String intakeId = p == null ? null : p.intakeId();
        h.createUpdate("INSERT INTO tracker_tickets (ticket_key, project_key, ticket_number, summary, description, "
                        + "acceptance_criteria, issue_type, priority, labels, status, parent_key, intake_id, spoken, "
                        + "said, requested_at, created_at, updated_at) VALUES (:key, :project, :number, :summary, "
                        + ":description, :criteria, :type, :priority, :labels, :status, :parent, :intake, :spoken, "
                        + ":said, :requestedAt, :now, :now)")
                .bind("key", key).bind("project", projectKey).bind("number", number).bind("summary", d.summary())
                .bind("description", d.description()).bind("criteria", json.writeStrings(d.acceptanceCriteria()))
                .bind("type", type.name()).bind("priority", priority.name())
                .bind("labels", json.writeStrings(d.labels())).bind("status", name(TicketStatus.TO_DO))
                .bind("parent", d.parentKey()).bind("intake", intakeId)
                .bind("spoken", p != null && p.spoken()).bind("said", p == null ? null : p.said())
                .bind("requestedAt", p == null ? null : Times.stored(p.at())).bind("now", now).execute();
        return new Filed(key, new Ticket(key, browseUrl(key), projectKey, d.summary(), d.description(),
                d.acceptanceCriteria(), type, priority, d.labels(), name(TicketStatus.TO_DO), d.parentKey(), intakeId,
                now, now, List.of()));
    }

    @Override
    public Optional<Ticket> find(String key) {
        return reader.find(key);
    }

    /** The provenance stored with a ticket (what was said, spoken or typed, when), for the ticket page. */
    public Optional<Provenance> provenance(String key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT intake_id, spoken, said, requested_at FROM tracker_tickets "
                        + "WHERE ticket_key = :k").bind("k", key)
                .map((r, ctx) -> new Provenance(r.getString("intake_id"), r.getBoolean("spoken"), r.getString("said"),
                        Times.read(r, "requested_at"))).findOne());
    }

    @Override
    public List<Ticket> list(String projectKey, int limit) {
        return reader.list(projectKey, limit);
    }

    @Override
    public void comment(String key, String body) {
        if (body == null || body.isBlank()) {
            throw Problem.invalid("body", "a comment needs text");
        }
        Instant now = Times.stored(clock.instant());
        jdbi.useTransaction(h -> {
            int rows = h.createUpdate("UPDATE tracker_tickets SET updated_at = :now WHERE ticket_key = :k")
                    .bind("now", now).bind("k", key).execute();
            if (rows == 0) {
                throw Problem.notFound("ticket " + key + " does not exist");
            }
            h.createUpdate("INSERT INTO tracker_comments (ticket_key, author, body, created_at) "
                    + "VALUES (:k, :author, :body, :now)").bind("k", key).bind("author", AUTHOR)
                    .bind("body", body.strip()).bind("now", now).execute();
        });
    }

    @Override
    public void transition(String key, TicketStatus status) {
        int rows = jdbi.withHandle(h -> h.createUpdate("UPDATE tracker_tickets SET status = :s, updated_at = :now "
                        + "WHERE ticket_key = :k").bind("s", name(status))
                .bind("now", Times.stored(clock.instant())).bind("k", key).execute());
        if (rows == 0) {
            throw Problem.notFound("ticket " + key + " does not exist");
        }
    }

    /** The built-in workflow's name for a status, as stored and shown: "To Do", "In Progress", ... */
    static String name(TicketStatus status) {
        return switch (status) {
            case TO_DO -> "To Do";
            case IN_PROGRESS -> "In Progress";
            case IN_REVIEW -> "In Review";
            case DONE -> "Done";
        };
    }

    @Override
    public String browseUrl(String key) {
        return stripSlash(publicBaseUrl.get()) + "/tickets/" + key;
    }

    private static String stripSlash(String url) {
        String u = url == null || url.isBlank() ? "http://127.0.0.1:8000" : url.strip();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}

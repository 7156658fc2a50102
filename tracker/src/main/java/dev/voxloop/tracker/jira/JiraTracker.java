package dev.voxloop.tracker.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.core.ticket.TicketStatus;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.tracker.jira.CreateMetadata.FieldMeta;
import dev.voxloop.tracker.jira.CreateMetadata.IssueTypeMeta;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TicketTracker} on Jira Cloud REST v3.
 *
 * <p>Create is exactly-once per intake id: the id travels as the label {@code voxloop-intake-<id>} (and as the
 * issue property {@code voxloop.intake}); create first searches for that label, and a create whose outcome is
 * unknown (timeout, 5xx) is searched for again before it is repeated.
 *
 * <p>A description or labels the project's create screen lacks are added after creation by an edit, or a comment
 * when the edit screen lacks them too ({@link OffScreenFields}); the ticket's notes say so.
 */
public final class JiraTracker implements TicketTracker {

    private static final Logger LOG = LoggerFactory.getLogger(JiraTracker.class);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final JiraSettings settings;
    private final JiraTransport transport;
    private final CreateMetadata metadata;
    private final JiraProjects projects;
    private final JiraSearch search;
    private final OffScreenFields offScreen;

    public JiraTracker(JiraSettings settings) {
        this(settings, JiraTransport.client(settings), Clock.systemUTC(), Pause.sleeping());
    }

    /** For tests and tuning: own HTTP client, clock (cache TTLs) and pause between retries. */
    public JiraTracker(JiraSettings settings, HttpClient http, Clock clock, Pause pause) {
        List<String> missing = settings.missing();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Jira tracker needs " + String.join(", ", missing));
        }
        this.settings = settings;
        this.transport = new JiraTransport(settings, http, pause, RandomGenerator.getDefault(), new ObjectMapper());
        this.metadata = new CreateMetadata(transport, clock, settings.metadataTtl());
        this.projects = new JiraProjects(transport, clock, settings.metadataTtl());
        this.search = new JiraSearch(transport, this::browseUrl);
        this.offScreen = new OffScreenFields(transport, key -> find(key).orElseThrow(() -> new Problem(
                Problem.Kind.UPSTREAM, "Jira filed " + key + " but cannot show it now")));
    }

    @Override
    public String name() {
        return "jira";
    }

    public JiraSettings settings() {
        return settings;
    }

    /** Projects visible to the credentials, cached for the metadata TTL. */
    @Override
    public List<Project> projects() {
        return projects.all();
    }

    @Override
    public Ticket create(TicketDraft draft, Provenance provenance) {
        String projectKey = projectKey(draft);
        String intakeId = provenance == null ? null : provenance.intakeId();
        List<IssueTypeMeta> types;
        try {
            types = metadata.issueTypes(projectKey);
        } catch (Problem p) {
            if (p.kind() == Problem.Kind.NOT_FOUND) {
                throw Problem.invalid("projectKey", "project: Jira has no project '" + projectKey
                        + "' that these credentials can create issues in");
            }
            throw p;
        }
        IssueTypeMeta type = IssueFields.issueType(draft, projectKey, types);
        Map<String, FieldMeta> screen = metadata.fields(projectKey, type);
        boolean labelled = screen.isEmpty() || screen.containsKey("labels");
        if (intakeId != null) {
            Optional<Ticket> existing = filedFor(intakeId, projectKey, draft, labelled);
            if (existing.isPresent()) {
                LOG.info("jira: intake {} already filed as {}", intakeId, existing.get().key());
                return offScreen.complete(existing.get(), draft, provenance);
            }
        }
        ObjectNode body = IssueFields.body(draft, provenance, projectKey, type, screen, settings.fields());
        JiraTransport.AlreadyDone check = intakeId == null ? null
                : () -> filedFor(intakeId, projectKey, draft, labelled)
                        .map(t -> new JiraResponse(201, F.objectNode().put("key", t.key())));
        JiraRequest post = new JiraRequest("POST", "/rest/api/3/issue", null, body, false,
                "create the issue in " + projectKey);
        JiraResponse r = transport.execute(post, check);
        Set<String> offScreenFields = r.status() == 400 ? OffScreenFields.refusedAsOffScreen(r.body()) : Set.of();
        if (!offScreenFields.isEmpty()) {
            // the create screen lacks them although the metadata listed them (changed since): file without them
            metadata.forget(projectKey);
            offScreenFields.forEach(((ObjectNode) body.path("fields"))::remove);
            r = transport.execute(post, check);
        }
        if (!r.ok()) {
            if (r.status() == 400) {
                metadata.forget(projectKey);
            }
            throw JiraErrors.problem(r, "create the issue in " + projectKey, transport.auth());
        }
        String key = r.body().path("key").asText();
        LOG.info("jira: filed {} for intake {}", key, intakeId);
        Ticket filed = find(key).orElseThrow(() -> new Problem(Problem.Kind.UPSTREAM,
                "Jira filed " + key + " but cannot show it now"));
        return offScreen.complete(filed, draft, provenance);
    }

    /**
     * The issue filed for an intake: by its intake label, or, where the create screen has no labels (the label may
     * not be set yet), among the project's newest issues with the same summary, by the intake property set on
     * create.
     */
    private Optional<Ticket> filedFor(String intakeId, String projectKey, TicketDraft draft, boolean labelled) {
        Optional<Ticket> byLabel = findByIntake(intakeId);
        if (byLabel.isPresent() || labelled) {
            return byLabel;
        }
        String summary = draft.summary().replaceAll("\\s+", " ").strip();
        for (Ticket t : search(Jql.newest(projectKey), 20, "look for the issue of intake " + intakeId)) {
            if (t.summary().equals(summary) && intakeId.equals(intakeProperty(t.key()))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private String intakeProperty(String key) {
        JiraResponse r = transport.execute(JiraRequest.get("/rest/api/3/issue/" + JiraRequest.segment(key)
                + "/properties/" + IssueFields.PROPERTY_KEY, Map.of(), "read the intake of " + key), null);
        return r.ok() ? r.body().path("value").path("intakeId").asText(null) : null;
    }

    /** The issue filed for an intake, if any (JQL on the intake label). */
    public Optional<Ticket> findByIntake(String intakeId) {
        return search(Jql.byIntake(intakeId), 1, "look for the issue of intake " + intakeId).stream().findFirst();
    }

    @Override
    public Optional<Ticket> find(String key) {
        JiraResponse r = transport.execute(JiraRequest.get("/rest/api/3/issue/" + JiraRequest.segment(key),
                Map.of("fields", JiraIssues.FIELDS), "read issue " + key), null);
        if (r.status() == 404) {
            return Optional.empty();
        }
        if (!r.ok()) {
            throw JiraErrors.problem(r, "read issue " + key, transport.auth());
        }
        return Optional.of(JiraIssues.ticket(r.body(), this::browseUrl));
    }

    @Override
    public List<Ticket> list(String projectKey, int limit) {
        return search(Jql.newest(projectKey), Math.max(1, limit), "list issues");
    }

    /** Issues matching a JQL query, newest pages first as Jira orders them, at most {@code limit}. */
    public List<Ticket> search(String jql, int limit, String what) {
        return search.tickets(jql, limit, what);
    }

    @Override
    public void comment(String key, String body) {
        if (body == null || body.isBlank()) {
            throw Problem.invalid("body", "comment: the comment is empty");
        }
        ObjectNode payload = F.objectNode();
        payload.set("body", AdfDocument.plain(body));
        transport.call(JiraRequest.post("/rest/api/3/issue/" + JiraRequest.segment(key) + "/comment", payload,
                "comment on " + key));
    }

    @Override
    public void transition(String key, TicketStatus status) {
        String path = "/rest/api/3/issue/" + JiraRequest.segment(key) + "/transitions";
        JsonNode available = transport.call(JiraRequest.get(path, Map.of(), "read the transitions of " + key))
                .path("transitions");
        String wanted = settings.statuses().name(status).strip();
        JsonNode match = null;
        for (JsonNode t : available) {
            if (t.path("name").asText().equalsIgnoreCase(wanted)) {
                match = t;
                break;
            }
        }
        if (match == null) {
            for (JsonNode t : available) {
                if (t.path("to").path("name").asText().equalsIgnoreCase(wanted)) {
                    match = t;
                    break;
                }
            }
        }
        if (match == null) {
            List<String> names = new ArrayList<>();
            available.forEach(t -> names.add(t.path("name").asText() + " (to " + t.path("to").path("name").asText() + ")"));
            throw Problem.invalid("status", "status: '" + wanted + "' is neither a transition nor a target status of "
                    + key + " (available: " + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
        }
        String target = match.path("to").path("name").asText();
        ObjectNode payload = F.objectNode();
        payload.set("transition", F.objectNode().put("id", match.path("id").asText()));
        transport.call(JiraRequest.post(path, payload, "move " + key + " to " + target),
                () -> find(key).filter(t -> target.equalsIgnoreCase(t.status()))
                        .map(t -> new JiraResponse(204, null)));
    }

    @Override
    public String browseUrl(String key) {
        return settings.url() + "/browse/" + key;
    }

    /** {@code GET /rest/api/3/myself}: are the credentials good, and whose are they. */
    public JiraCheck check() {
        try {
            JsonNode me = transport.call(JiraRequest.get("/rest/api/3/myself", Map.of(), "identify the current user"));
            String who = me.path("displayName").asText(me.path("accountId").asText("?"));
            return new JiraCheck(true, "connected to " + settings.url() + " as " + who);
        } catch (Problem p) {
            return new JiraCheck(false, p.getMessage());
        }
    }

    private String projectKey(TicketDraft draft) {
        String key = draft.projectKey() != null && !draft.projectKey().isBlank() ? draft.projectKey()
                : settings.projectKey();
        if (key == null) {
            throw Problem.invalid("projectKey", "project: the request names no project and JIRA_PROJECT_KEY is not set");
        }
        return key.strip().toUpperCase(Locale.ROOT);
    }
}

package dev.voxloop.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.ticket.Comment;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.core.ticket.TicketStatus;
import dev.voxloop.core.ticket.TicketTracker;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * GitHub Issues as the {@link TicketTracker}: each project is a repository, a ticket {@code KEY-12} is issue #12 of
 * the project's repository. A create is exactly-once per intake id: the id rides in the body as a hidden marker,
 * the repository's newest issues are searched for it before creating, and again after a timeout or a 5xx before the
 * create is repeated. Type, priority and status are labels ({@code type:bug}, {@code priority:high},
 * {@code status:in-progress}); DONE closes the issue as completed.
 */
public final class GitHubIssues implements TicketTracker {

    private static final int RECENT = 100;
    private static final int CREATE_ATTEMPTS = 3;

    private final GitHubApi api;
    private final List<IssueProject> projects;
    private final String webBase;

    /** @param webBase where people open issues, e.g. {@code https://github.com} */
    public GitHubIssues(GitHubApi api, List<IssueProject> projects, String webBase) {
        if (projects.isEmpty()) {
            throw new IllegalArgumentException("GitHub Issues needs at least one project mapped to a repository");
        }
        this.api = api;
        this.projects = List.copyOf(projects);
        this.webBase = webBase.endsWith("/") ? webBase.substring(0, webBase.length() - 1) : webBase;
    }

    @Override
    public String name() {
        return "github";
    }

    @Override
    public List<Project> projects() {
        return projects.stream().map(IssueProject::project).toList();
    }

    @Override
    public Ticket create(TicketDraft draft, Provenance provenance) {
        IssueProject p = project(draft.projectKey());
        Problem last = null;
        for (int attempt = 1; attempt <= CREATE_ATTEMPTS; attempt++) {
            Optional<JsonNode> made = madeBy(p, provenance.intakeId());
            if (made.isPresent()) {
                return ticket(p, made.get(), List.of());
            }
            ObjectNode body = GitHubApi.JSON.createObjectNode().put("title", draft.summary())
                    .put("body", IssueBody.render(draft, provenance));
            ArrayNode labels = body.putArray("labels");
            labels(draft).forEach(labels::add);
            try {
                GitHubApi.Response r = api.send("POST", Paths.repo(p.repository()) + "/issues", body);
                return ticket(p, r.body("issues of " + p.repository()), List.of());
            } catch (Problem e) {
                if (e.kind() != Problem.Kind.TIMEOUT && e.kind() != Problem.Kind.UPSTREAM) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    @Override
    public Optional<Ticket> find(String key) {
        IssueProject p = projectOf(key);
        String path = Paths.repo(p.repository()) + "/issues/" + number(key);
        GitHubApi.Response r = api.get(path);
        if (r.status() == 404 || r.status() == 410) {
            return Optional.empty();
        }
        JsonNode issue = r.body(key);
        List<Comment> comments = new ArrayList<>();
        for (JsonNode c : api.get(path + "/comments?per_page=100").body(key)) {
            comments.add(new Comment(c.path("user").path("login").asText(), c.path("body").asText(""),
                    GitHubReads.instant(c, "created_at")));
        }
        return Optional.of(ticket(p, issue, comments));
    }

    @Override
    public List<Ticket> list(String projectKey, int limit) {
        List<Ticket> out = new ArrayList<>();
        for (IssueProject p : projects) {
            if (projectKey != null && !p.key().equals(projectKey)) {
                continue;
            }
            for (JsonNode n : recent(p, Math.min(100, Math.max(1, limit)))) {
                out.add(ticket(p, n, List.of()));
            }
        }
        out.sort((a, b) -> b.createdAt().compareTo(a.createdAt()));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    @Override
    public void comment(String key, String body) {
        IssueProject p = projectOf(key);
        api.send("POST", Paths.repo(p.repository()) + "/issues/" + number(key) + "/comments",
                GitHubApi.JSON.createObjectNode().put("body", body)).body(key);
    }

    @Override
    public void transition(String key, TicketStatus status) {
        IssueProject p = projectOf(key);
        String path = Paths.repo(p.repository()) + "/issues/" + number(key);
        Set<String> labels = new LinkedHashSet<>();
        api.get(path).body(key).path("labels").forEach(l -> labels.add(l.path("name").asText()));
        labels.removeIf(l -> l.startsWith("status:"));
        if (status == TicketStatus.IN_PROGRESS || status == TicketStatus.IN_REVIEW) {
            labels.add("status:" + status.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        ObjectNode b = GitHubApi.JSON.createObjectNode();
        labels.forEach(b.putArray("labels")::add);
        if (status == TicketStatus.DONE) {
            b.put("state", "closed").put("state_reason", "completed");
        } else {
            b.put("state", "open");
        }
        api.send("PATCH", path, b).body(key);
    }

    @Override
    public String browseUrl(String key) {
        return webBase + "/" + projectOf(key).repository() + "/issues/" + number(key);
    }

    private Optional<JsonNode> madeBy(IssueProject p, String intakeId) {
        for (JsonNode n : recent(p, RECENT)) {
            if (IssueBody.intakeId(n.path("body").asText()).filter(intakeId::equals).isPresent()) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    private List<JsonNode> recent(IssueProject p, int count) {
        List<JsonNode> out = new ArrayList<>();
        api.get(Paths.repo(p.repository()) + "/issues?state=all&sort=created&direction=desc&per_page=" + count)
                .body("issues of " + p.repository()).forEach(n -> {
                    if (!n.has("pull_request")) {
                        out.add(n);
                    }
                });
        return out;
    }

    private static List<String> labels(TicketDraft d) {
        List<String> out = new ArrayList<>(d.labels());
        if (d.issueType() != null) {
            out.add("type:" + d.issueType().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        if (d.priority() != null) {
            out.add("priority:" + d.priority().name().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private Ticket ticket(IssueProject p, JsonNode n, List<Comment> comments) {
        List<String> labels = new ArrayList<>();
        IssueType type = null;
        Priority priority = null;
        String status = n.path("state").asText().equals("closed") ? "Done" : "To Do";
        for (JsonNode l : n.path("labels")) {
            String name = l.isTextual() ? l.asText() : l.path("name").asText();
            if (name.startsWith("type:")) {
                type = IssueType.valueOf(name.substring(5).replace('-', '_').toUpperCase(Locale.ROOT));
            } else if (name.startsWith("priority:")) {
                priority = Priority.valueOf(name.substring(9).toUpperCase(Locale.ROOT));
            } else if (name.startsWith("status:") && !status.equals("Done")) {
                status = name.equals("status:in-review") ? "In Review" : "In Progress";
            } else {
                labels.add(name);
            }
        }
        String body = n.path("body").asText("");
        String key = p.key() + "-" + n.path("number").asInt();
        return new Ticket(key, browseUrl(key), p.key(), n.path("title").asText(), IssueBody.description(body),
                IssueBody.criteria(body), type, priority, labels, status, null, IssueBody.intakeId(body).orElse(null),
                GitHubReads.instant(n, "created_at"), GitHubReads.instant(n, "updated_at"), comments);
    }

    private IssueProject project(String key) {
        if (key == null) {
            return projects.getFirst();
        }
        return projects.stream().filter(p -> p.key().equals(key)).findFirst()
                .orElseThrow(() -> Problem.invalid("project", "no GitHub repository is mapped to project " + key));
    }

    private IssueProject projectOf(String ticketKey) {
        int dash = ticketKey == null ? -1 : ticketKey.lastIndexOf('-');
        if (dash < 1) {
            throw Problem.invalid("key", "a ticket key is KEY-NUMBER, not '" + ticketKey + "'");
        }
        return project(ticketKey.substring(0, dash));
    }

    private static int number(String key) {
        try {
            return Integer.parseInt(key.substring(key.lastIndexOf('-') + 1));
        } catch (NumberFormatException e) {
            throw Problem.invalid("key", "a ticket key is KEY-NUMBER, not '" + key + "'");
        }
    }

}

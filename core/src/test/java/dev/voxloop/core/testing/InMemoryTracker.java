package dev.voxloop.core.testing;

import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.ticket.Comment;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.core.ticket.TicketStatus;
import dev.voxloop.core.ticket.TicketTracker;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test fixture: a tracker in memory. {@link #create} is idempotent on the intake id, like every real tracker.
 * {@link #createCalls()} counts calls so tests can see retries.
 */
public final class InMemoryTracker implements TicketTracker {

    private final List<Project> projects;
    private volatile String baseUrl;
    private final Clock clock;
    private final Map<String, Ticket> tickets = new LinkedHashMap<>();
    private final Map<String, String> byIntake = new HashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private final AtomicInteger createCalls = new AtomicInteger();

    public InMemoryTracker(List<Project> projects, String baseUrl, Clock clock) {
        this.projects = List.copyOf(projects);
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** BookIt (BOOK) and StoreIt (STORE), the examples the product docs use. */
    public static InMemoryTracker withSampleProjects(String baseUrl) {
        return new InMemoryTracker(List.of(
                new Project("BOOK", "BookIt", "booking calendar and reservations", List.of("calendar", "booking")),
                new Project("STORE", "StoreIt", "web shop with cart and checkout", List.of("cart", "checkout"))),
                baseUrl, Clock.systemUTC());
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public List<Project> projects() {
        return projects;
    }

    @Override
    public synchronized Ticket create(TicketDraft draft, Provenance provenance) {
        createCalls.incrementAndGet();
        String existing = byIntake.get(provenance.intakeId());
        if (existing != null) {
            return tickets.get(existing);
        }
        if (projects.stream().noneMatch(p -> p.key().equals(draft.projectKey()))) {
            throw Problem.invalid("project", "unknown project '" + draft.projectKey() + "'");
        }
        int n = counters.merge(draft.projectKey(), 1, Integer::sum);
        String key = draft.projectKey() + "-" + n;
        Ticket t = new Ticket(key, browseUrl(key), draft.projectKey(), draft.summary(), draft.description(),
                draft.acceptanceCriteria(), draft.issueType(),
                draft.priority() == null ? Priority.MEDIUM : draft.priority(), draft.labels(), "To Do",
                draft.parentKey(), provenance.intakeId(), clock.instant(), clock.instant(), List.of());
        tickets.put(key, t);
        byIntake.put(provenance.intakeId(), key);
        return t;
    }

    @Override
    public synchronized Optional<Ticket> find(String key) {
        return Optional.ofNullable(tickets.get(key));
    }

    @Override
    public synchronized List<Ticket> list(String projectKey, int limit) {
        List<Ticket> all = new ArrayList<>(tickets.values());
        java.util.Collections.reverse(all);
        return all.stream().filter(t -> projectKey == null || t.projectKey().equals(projectKey)).limit(limit).toList();
    }

    @Override
    public synchronized void comment(String key, String body) {
        Ticket t = find(key).orElseThrow(() -> Problem.notFound("Ticket not found: " + key));
        List<Comment> cs = new ArrayList<>(t.comments());
        cs.add(new Comment("voxloop", body, clock.instant()));
        tickets.put(key, new Ticket(t.key(), t.url(), t.projectKey(), t.summary(), t.description(),
                t.acceptanceCriteria(), t.issueType(), t.priority(), t.labels(), t.status(), t.parentKey(),
                t.intakeId(), t.createdAt(), clock.instant(), cs));
    }

    @Override
    public synchronized void transition(String key, TicketStatus status) {
        Ticket t = find(key).orElseThrow(() -> Problem.notFound("Ticket not found: " + key));
        tickets.put(key, new Ticket(t.key(), t.url(), t.projectKey(), t.summary(), t.description(),
                t.acceptanceCriteria(), t.issueType(), t.priority(), t.labels(), name(status), t.parentKey(), t.intakeId(),
                t.createdAt(), clock.instant(), t.comments()));
    }

    /** Status names as a person reads them ("In Progress"), like the built-in tracker's. */
    private static String name(TicketStatus status) {
        String lower = status.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        StringBuilder b = new StringBuilder();
        for (String w : lower.split(" ")) {
            b.append(b.isEmpty() ? "" : " ").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return b.toString();
    }

    @Override
    public String browseUrl(String key) {
        return baseUrl + "/tickets/" + key;
    }

    /** Where ticket pages live (e.g. a test server's address, known only once it listens). */
    public void baseUrl(String url) {
        this.baseUrl = url;
    }

    public int createCalls() {
        return createCalls.get();
    }

    public synchronized int size() {
        return tickets.size();
    }
}

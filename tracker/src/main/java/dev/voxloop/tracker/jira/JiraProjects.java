package dev.voxloop.tracker.jira;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voxloop.core.ticket.Project;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The projects the credentials can see ({@code GET /rest/api/3/project/search}, paged), kept for a while: every
 * extraction asks for them, and they change rarely.
 */
final class JiraProjects {

    private static final int PAGE = 50;
    /** A guard against a server that never says the last page came. */
    private static final int MAX_START = 10_000;

    private final JiraTransport transport;
    private final Clock clock;
    private final Duration ttl;
    private volatile List<Project> cached;
    private volatile Instant until = Instant.MIN;

    JiraProjects(JiraTransport transport, Clock clock, Duration ttl) {
        this.transport = transport;
        this.clock = clock;
        this.ttl = ttl;
    }

    List<Project> all() {
        Instant now = clock.instant();
        List<Project> kept = cached;
        if (kept != null && now.isBefore(until)) {
            return kept;
        }
        List<Project> out = new ArrayList<>();
        int startAt = 0;
        while (true) {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("startAt", String.valueOf(startAt));
            q.put("maxResults", String.valueOf(PAGE));
            q.put("orderBy", "key");
            q.put("expand", "description");
            JsonNode page = transport.call(JiraRequest.get("/rest/api/3/project/search", q, "list projects"));
            JsonNode values = page.path("values");
            values.forEach(p -> out.add(JiraIssues.project(p)));
            if (values.isEmpty() || page.path("isLast").asBoolean(true) || startAt > MAX_START) {
                break;
            }
            startAt += values.size();
        }
        cached = List.copyOf(out);
        until = now.plus(ttl);
        return cached;
    }
}

package dev.voxloop.tracker.jira;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voxloop.core.ticket.Ticket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Issues matching a JQL query via {@code GET /rest/api/3/search/jql}, following {@code nextPageToken}. */
final class JiraSearch {

    /** Jira's largest page for this endpoint. */
    private static final int MAX_PAGE = 100;

    private final JiraTransport transport;
    private final UnaryOperator<String> browseUrl;

    JiraSearch(JiraTransport transport, UnaryOperator<String> browseUrl) {
        this.transport = transport;
        this.browseUrl = browseUrl;
    }

    List<Ticket> tickets(String jql, int limit, String what) {
        List<Ticket> out = new ArrayList<>();
        String token = null;
        while (out.size() < limit) {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("jql", jql);
            q.put("maxResults", String.valueOf(Math.min(MAX_PAGE, limit - out.size())));
            q.put("fields", JiraIssues.FIELDS);
            if (token != null) {
                q.put("nextPageToken", token);
            }
            JsonNode page = transport.call(JiraRequest.get("/rest/api/3/search/jql", q, what));
            for (JsonNode issue : page.path("issues")) {
                if (out.size() < limit) {
                    out.add(JiraIssues.ticket(issue, browseUrl));
                }
            }
            token = page.path("nextPageToken").asText(null);
            if (page.path("issues").isEmpty() || page.path("isLast").asBoolean(token == null) || token == null) {
                break;
            }
        }
        return out;
    }
}

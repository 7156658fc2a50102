package dev.voxloop.tracker.jira;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One call to Jira.
 *
 * @param method     GET or POST
 * @param path       path under the site, e.g. /rest/api/3/issue
 * @param query      query parameters in order (values are encoded here)
 * @param body       JSON body or null
 * @param idempotent true when sending twice is harmless, so a timed-out attempt may simply be repeated
 * @param what       plain words for messages, e.g. "create the issue"
 */
record JiraRequest(String method, String path, Map<String, String> query, JsonNode body, boolean idempotent,
                   String what) {

    JiraRequest {
        query = query == null ? Map.of() : new LinkedHashMap<>(query);
    }

    static JiraRequest get(String path, Map<String, String> query, String what) {
        return new JiraRequest("GET", path, query, null, true, what);
    }

    static JiraRequest post(String path, JsonNode body, String what) {
        return new JiraRequest("POST", path, null, body, false, what);
    }

    String pathAndQuery() {
        if (query.isEmpty()) {
            return path;
        }
        StringJoiner q = new StringJoiner("&", path + "?", "");
        query.forEach((k, v) -> q.add(encode(k) + "=" + encode(v)));
        return q.toString();
    }

    /** Path segment encoding for keys and ids that end up in a URL path. */
    static String segment(String s) {
        return encode(s);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

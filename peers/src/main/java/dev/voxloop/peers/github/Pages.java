package dev.voxloop.peers.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GitHub's pagination of lists: {@code per_page} items (30 unless asked, 100 at most) of page {@code page}, and a
 * {@code Link} header naming the next, previous, first and last pages. A list is the answer itself or the array
 * under {@code check_runs} or {@code statuses} of a wrapping object.
 */
final class Pages {

    private static final String[] WRAPPED = {"check_runs", "statuses"};

    private Pages() {
    }

    static Answer of(Answer a, String url, Map<String, String> query) {
        if (a.status() != 200 || a.json() == null) {
            return a;
        }
        JsonNode list = a.json().isArray() ? a.json() : null;
        String field = null;
        for (String f : WRAPPED) {
            if (list == null && a.json().path(f).isArray()) {
                field = f;
                list = a.json().path(f);
            }
        }
        if (list == null) {
            return a;
        }
        int perPage = Math.max(1, Math.min(100, number(query.get("per_page"), 30)));
        int page = Math.max(1, number(query.get("page"), 1));
        int last = Math.max(1, (list.size() + perPage - 1) / perPage);
        ArrayNode slice = GitHubPeer.JSON.createArrayNode();
        for (int i = (page - 1) * perPage; i < Math.min(list.size(), page * perPage); i++) {
            slice.add(list.get(i));
        }
        JsonNode body = field == null ? slice : ((ObjectNode) a.json().deepCopy()).set(field, slice);
        Map<String, String> headers = new LinkedHashMap<>(a.headers());
        if (last > 1) {
            StringBuilder link = new StringBuilder();
            if (page < last) {
                link.append(rel(url, query, page + 1, "next")).append(", ").append(rel(url, query, last, "last"));
            }
            if (page > 1) {
                link.append(link.isEmpty() ? "" : ", ").append(rel(url, query, page - 1, "prev")).append(", ")
                        .append(rel(url, query, 1, "first"));
            }
            headers.put("Link", link.toString());
        }
        return new Answer(a.status(), body, a.text(), headers);
    }

    private static String rel(String url, Map<String, String> query, int page, String rel) {
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put("page", String.valueOf(page));
        StringBuilder s = new StringBuilder(url).append('?');
        q.forEach((k, v) -> s.append(s.charAt(s.length() - 1) == '?' ? "" : "&").append(encode(k)).append('=')
                .append(encode(v)));
        return "<" + s + ">; rel=\"" + rel + "\"";
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int number(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}

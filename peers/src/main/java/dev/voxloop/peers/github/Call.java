package dev.voxloop.peers.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Map;

/**
 * One API request as a route sees it: the path's parameters (decoded), the query, the JSON body (missing when
 * there was none), its Authorization header, and the repository {@code owner/repo} it addresses, when it does.
 */
record Call(String method, String template, Map<String, String> params, Map<String, String> query, JsonNode body,
            String authorization) {

    Call {
        body = body == null ? MissingNode.getInstance() : body;
    }

    String repo() {
        return params.get("owner") + "/" + params.get("repo");
    }

    String param(String name) {
        return params.get(name);
    }

    int number(String name) {
        return Integer.parseInt(params.get(name));
    }

    String query(String name, String fallback) {
        return query.getOrDefault(name, fallback);
    }
}

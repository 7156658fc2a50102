package dev.voxloop.tracker.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** A final answer from Jira (2xx or a client error); {@code body} is MissingNode when there was none. */
record JiraResponse(int status, JsonNode body) {

    JiraResponse {
        body = body == null ? MissingNode.getInstance() : body;
    }

    boolean ok() {
        return status >= 200 && status < 300;
    }
}

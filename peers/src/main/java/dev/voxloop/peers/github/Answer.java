package dev.voxloop.peers.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** What a route answers: a status, a JSON body (null for none) or plain text, and extra headers. */
record Answer(int status, JsonNode json, String text, Map<String, String> headers) {

    static Answer ok(JsonNode json) {
        return new Answer(200, json, null, Map.of());
    }

    static Answer created(JsonNode json) {
        return new Answer(201, json, null, Map.of());
    }

    static Answer noContent() {
        return new Answer(204, null, null, Map.of());
    }

    static Answer text(String text) {
        return new Answer(200, null, text, Map.of());
    }

    /** GitHub's error body: {@code {"message": ..., "documentation_url": ...}}. */
    static Answer error(int status, String message) {
        JsonNode body = GitHubPeer.JSON.createObjectNode().put("message", message)
                .put("documentation_url", "https://docs.github.com/rest").put("status", String.valueOf(status));
        return new Answer(status, body, null, Map.of());
    }

    static Answer notFound() {
        return error(404, "Not Found");
    }
}

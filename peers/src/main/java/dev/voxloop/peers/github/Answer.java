package dev.voxloop.peers.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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

    /** Sends this answer: its headers, the content type of its body, the status, the body (none: no length). */
    void write(HttpExchange ex) throws IOException {
        var h = ex.getResponseHeaders();
        headers.forEach(h::set);
        byte[] out = json != null ? json.toString().getBytes(StandardCharsets.UTF_8)
                : text != null ? text.getBytes(StandardCharsets.UTF_8) : new byte[0];
        h.set("Content-Type", json != null ? "application/json; charset=utf-8" : "text/plain; charset=utf-8");
        ex.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        }
    }
}

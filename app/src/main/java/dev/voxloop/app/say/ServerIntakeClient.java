package dev.voxloop.app.say;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.core.ticket.LikelyDuplicate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The intake of a running {@code voxloop serve}, through its HTTP API ({@code /api/pipeline/*}, docs/api.md): the
 * server keeps the database, the models stay loaded, and the ticket link it returns opens on that server.
 */
public final class ServerIntakeClient implements IntakeClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Generous: the first request after start waits for the models to load. */
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final String baseUrl;
    private final String apiToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param apiToken the server's {@code server.api_token}, or null when it needs none */
    public ServerIntakeClient(String baseUrl, String apiToken) {
        this.baseUrl = baseUrl;
        this.apiToken = apiToken;
    }

    @Override
    public SayStep submitText(String text) throws IOException {
        return step(post("/api/pipeline/run", Map.of("text", text)));
    }

    @Override
    public SayStep submitAudio(Path file) throws IOException {
        String boundary = "voxloop-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"audio\"; filename=\""
                + file.getFileName().toString().replace("\"", "") + "\"\r\nContent-Type: application/octet-stream"
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(file));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return step(send(request("/api/pipeline/run/audio").header("Content-Type",
                "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(
                body.toByteArray())).build()));
    }

    @Override
    public SayStep clarify(String sessionId, String answer) throws IOException {
        return step(post("/api/pipeline/clarify", Map.of("session_id", sessionId, "text", answer)));
    }

    @Override
    public SayStep confirm(String sessionId, String corrected) throws IOException {
        java.util.Map<String, String> body = new java.util.LinkedHashMap<>();
        body.put("session_id", sessionId);
        if (corrected != null) {
            body.put("text", corrected);
        }
        return step(post("/api/pipeline/confirm", body));
    }

    /** The API has no "unchecked": the words are confirmed as heard. */
    @Override
    public SayStep proceedUnchecked(String sessionId) throws IOException {
        return confirm(sessionId, null);
    }

    @Override
    public SayStep approve(String sessionId) throws IOException {
        return step(post("/api/pipeline/approve", Map.of("session_id", sessionId)));
    }

    @Override
    public SayStep discard(String sessionId) throws IOException {
        JsonNode n = post("/api/pipeline/discard", Map.of("session_id", sessionId));
        return new SayStep.Discarded(n.path("session_id").asText(sessionId), "");
    }

    @Override
    public String where() {
        return "the server at " + baseUrl;
    }

    private JsonNode post(String path, Map<String, String> body) throws IOException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT);
        if (apiToken != null && !apiToken.isBlank()) {
            b.header("Authorization", "Bearer " + apiToken);
        }
        return b;
    }

    private JsonNode send(HttpRequest request) throws IOException {
        HttpResponse<byte[]> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + baseUrl, e);
        }
        JsonNode n;
        try {
            n = JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IOException("the server at " + baseUrl + " answered " + r.statusCode() + " without JSON");
        }
        if (r.statusCode() / 100 != 2) {
            throw new IOException("the server at " + baseUrl + " answered " + r.statusCode() + ": "
                    + n.path("detail").asText(n.path("error").asText("error")));
        }
        return n;
    }

    static SayStep step(JsonNode n) {
        String id = n.path("session_id").asText();
        String conversation = n.path("transcribed_text").asText("");
        String status = n.path("status").asText("");
        return switch (status) {
            case "transcript_confirmation_needed" -> new SayStep.Confirm(id, conversation,
                    n.path("transcript").path("text").asText(""), n.path("transcript").hasNonNull("confidence")
                    ? n.path("transcript").path("confidence").asDouble() : null);
            case "clarification_needed" -> new SayStep.Question(id, conversation, n.path("question").asText(
                    n.path("questions").path(0).asText("")), texts(n.path("choices")));
            case "preview_needed" -> {
                JsonNode i = n.path("intent");
                yield new SayStep.Preview(id, conversation, new SayStep.ReadBack(null, text(i, "project"),
                        text(i, "issue_type"), text(i, "priority"), i.path("summary").asText(""),
                        texts(i.path("acceptance_criteria_items")), texts(n.path("gaps")), texts(n.path("flags")),
                        duplicates(n.path("likely_duplicates"))));
            }
            case "discarded" -> new SayStep.Discarded(id, conversation);
            default -> new SayStep.Filed(id, conversation, n.path("ticket_key").asText(), n.path("summary").asText(""),
                    text(n, "ticket_url"), n.path("queued").asBoolean(false), texts(n.path("notes")));
        };
    }

    private static List<LikelyDuplicate> duplicates(JsonNode array) {
        List<LikelyDuplicate> out = new ArrayList<>();
        array.forEach(d -> out.add(new LikelyDuplicate(d.path("key").asText(), d.path("summary").asText(""),
                d.path("similarity").asDouble(0))));
        return out;
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }
}

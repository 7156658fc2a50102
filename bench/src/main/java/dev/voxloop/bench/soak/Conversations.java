package dev.voxloop.bench.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Intakes driven as a person would through the HTTP API: a typed or spoken request, then whatever the server asks
 * (confirm the heard words, answer the clarification of the open round, approve or discard the preview) until the
 * intake ends. Counts every answer by status, and what never got an answer (connection failures, timeouts).
 */
final class Conversations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REQUESTS = List.of(
            "Create a high priority bug in BookIt: the calendar crashes on Safari. The calendar should open on Safari 17",
            "Add a story to StoreIt so customers can save items to a wishlist",
            "Create a task in TrackIt to upgrade the invoice PDF library",
            "In EventIt the QR code scanner rejects valid tickets at the door, urgent",
            "It is broken again, please fix it",
            "Make the thing faster");
    private static final int MAX_STEPS = 8;

    private final URI base;
    private final HttpClient http;
    final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
    final AtomicLong unanswered = new AtomicLong();
    final AtomicLong filed = new AtomicLong();
    final AtomicLong discarded = new AtomicLong();

    Conversations(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    /** One typed intake from start to end; {@code n} picks the request and whether it is discarded. */
    void typed(long n) {
        ObjectNode body = JSON.createObjectNode().put("text", REQUESTS.get((int) Math.floorMod(n, (long) REQUESTS.size())) + " (" + n + ")");
        HttpRequest.Builder req = json("/api/pipeline/run", body);
        if (Math.floorMod(n, 3) == 0) {
            req.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        follow(send("POST /api/pipeline/run", req), n);
    }

    /** One spoken intake of {@code wav} from start to end. */
    void spoken(long n, String name, byte[] wav) {
        String boundary = "----soak" + n;
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"audio\"; filename=\"" + name
                + "\"\r\nContent-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + wav.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(wav, 0, all, head.length, wav.length);
        System.arraycopy(tail, 0, all, head.length + wav.length, tail.length);
        HttpRequest.Builder req = HttpRequest.newBuilder(base.resolve("/api/pipeline/run/audio"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(all));
        follow(send("POST /api/pipeline/run/audio", req), n);
    }

    /** A read a dashboard or the console makes. */
    void read(String path) {
        send("GET " + path.replaceAll("\\?.*", ""), HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    private void follow(JsonNode answer, long n) {
        for (int step = 0; answer != null && step < MAX_STEPS; step++) {
            String session = answer.path("session_id").asText();
            if (answer.hasNonNull("ticket_key")) {
                filed.incrementAndGet();
                return;
            }
            String status = answer.path("status").asText();
            ObjectNode next = JSON.createObjectNode().put("session_id", session);
            switch (status) {
                case "transcript_confirmation_needed" -> {
                    if (Math.floorMod(n, 2) == 0) {
                        next.put("text", "Create a bug in BookIt: the calendar crashes on Safari");
                    }
                    answer = send("POST /api/pipeline/confirm", json("/api/pipeline/confirm", next));
                }
                case "clarification_needed" -> {
                    JsonNode choices = answer.path("choices");
                    next.put("text", choices.isArray() && !choices.isEmpty() ? choices.get(0).asText()
                            : "It should work on Safari 17 without errors");
                    next.put("round", answer.path("round").asInt());
                    answer = send("POST /api/pipeline/clarify", json("/api/pipeline/clarify", next));
                }
                case "preview_needed" -> {
                    if (Math.floorMod(n, 5) == 4) {
                        send("POST /api/pipeline/discard", json("/api/pipeline/discard", next));
                        discarded.incrementAndGet();
                        return;
                    }
                    JsonNode intent = answer.path("intent");
                    ObjectNode overrides = next.putObject("overrides");
                    if (intent.path("project").isNull() || intent.path("project").isMissingNode()) {
                        overrides.put("project", "BOOK");
                    }
                    if (intent.path("issue_type").isNull() || intent.path("issue_type").isMissingNode()) {
                        overrides.put("issue_type", "Task");
                    }
                    if (intent.path("summary").asText().strip().length() < 3) {
                        overrides.put("summary", "Request number " + n);
                    }
                    answer = send("POST /api/pipeline/approve", json("/api/pipeline/approve", next));
                }
                default -> {
                    return;
                }
            }
        }
    }

    private HttpRequest.Builder json(String path, JsonNode body) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    /** Sends; counts the answer as "KIND STATUS"; returns the JSON of a 2xx answer, else null. */
    private JsonNode send(String kind, HttpRequest.Builder req) {
        try {
            HttpResponse<String> r = http.send(req.timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofString());
            answers.computeIfAbsent(kind + " " + r.statusCode(), k -> new AtomicLong()).incrementAndGet();
            return r.statusCode() / 100 == 2 && r.body().startsWith("{") ? JSON.readTree(r.body()) : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            unanswered.incrementAndGet();
            answers.computeIfAbsent(kind + " " + e.getClass().getSimpleName(), k -> new AtomicLong())
                    .incrementAndGet();
            return null;
        }
    }
}

package dev.voxloop.app.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.peers.contract.OpenApiContract;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Sends {@link FuzzRequests} to a running server for a bounded time and judges every answer: never a 5xx (the
 * audio endpoints' 503 when no speech engine is installed is the one documented exception, counted apart), never a
 * stack trace or a Java class name in a body, every answer to a documented operation as the OpenAPI document says;
 * afterwards the server still answers /health and everything it accepted (sessions, tickets, before and during the
 * run) is still there.
 */
final class ApiFuzz {

    /** What a body must never show: stack frames, exception names, packages of the JVM or our libraries. */
    static final Pattern LEAK = Pattern.compile("Exception\\b|\\bat [a-zA-Z_$][\\w$]*\\.[\\w$.]+\\(|"
            + "\\b(?:java|javax|jakarta|sun|org\\.eclipse|org\\.h2|org\\.jdbi|io\\.javalin|com\\.fasterxml|"
            + "com\\.zaxxer|dev\\.voxloop)\\.[a-z]");
    /** The answers of the audio endpoints while no speech engine is configured (speech.engine none). */
    static final Set<String> NEED_SPEECH = Set.of("POST /api/transcribe", "POST /api/pipeline/run/audio");

    /** The figures of one run. */
    record Figures(long seed, long tried, Map<String, Long> byClass, long fiveHundreds, long noEngine503,
                   Map<String, Long> byOperation, long accepted, double seconds, long lostConnections) {
        String summary() {
            return String.format("seed %d: %d requests in %.0f s (%s), 5xx %d (plus %d documented 503s: no speech "
                    + "engine), %d answered only on a new connection, %d sessions/tickets accepted and all still "
                    + "readable; per operation %s", seed, tried, seconds, byClass, fiveHundreds, noEngine503,
                    lostConnections, accepted, byOperation);
        }
    }

    private final String base;
    private final JsonNode doc;
    private final OpenApiContract contract;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final List<String> failures = new ArrayList<>();
    /** The last request whose connection stayed open (for a report when the next one gets no answer). */
    private FuzzRequests.Request previous;
    /** Requests whose first connection was closed under them and that were answered on a new one. */
    long lostConnections;
    final Set<String> sessions = ConcurrentHashMap.newKeySet();
    final Set<String> tickets = ConcurrentHashMap.newKeySet();

    ApiFuzz(String base, JsonNode doc) {
        this.base = base;
        this.doc = doc;
        this.contract = OpenApiContract.of("voxloop", (ObjectNode) doc.deepCopy());
    }

    Figures run(long seed, Duration budget, String token, Map<String, java.util.function.Supplier<List<String>>> known,
                Map<String, String> secrets) {
        FuzzRequests requests = new FuzzRequests(doc, new Random(seed), token, known, secrets);
        Map<String, Long> byClass = new TreeMap<>();
        Map<String, Long> byOperation = new TreeMap<>();
        long tried = 0;
        long fiveHundreds = 0;
        long noEngine = 0;
        long start = System.nanoTime();
        long end = start + budget.toNanos();
        while (System.nanoTime() < end && failures.size() < 20) {
            FuzzRequests.Request r = requests.next();
            Answer a = send(r);
            if (a == null) {
                continue;
            }
            tried++;
            byClass.merge(a.status / 100 + "xx", 1L, Long::sum);
            byOperation.merge(r.operation(), 1L, Long::sum);
            if (a.status >= 500) {
                if (a.status == 503 && NEED_SPEECH.contains(r.operation()) && a.body.contains("speech engine")) {
                    noEngine++;
                } else {
                    fiveHundreds++;
                    fail(r, a, "a " + a.status);
                }
            }
            if (!r.path().startsWith("/openapi.json") && LEAK.matcher(a.body).find()) {
                fail(r, a, "a stack trace or class name in the body");
            }
            judgeAgainstDocument(r, a);
            remember(a);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        afterwards();
        return new Figures(seed, tried, byClass, fiveHundreds, noEngine, byOperation,
                sessions.size() + tickets.size(), seconds, lostConnections);
    }

    record Answer(int status, String body, Map<String, List<String>> headers) {
    }

    Answer send(FuzzRequests.Request r) {
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(base + r.path())).timeout(Duration.ofSeconds(30))
                    .method(r.method(), r.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(r.body()));
            for (int i = 0; i < r.headers().size(); i += 2) {
                b.header(r.headers().get(i), r.headers().get(i + 1));
            }
        } catch (IllegalArgumentException notSendable) {
            return null; // a method or header the HTTP client itself refuses to send
        }
        try {
            HttpResponse<String> resp = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            previous = resp.headers().firstValue("Connection").filter("close"::equalsIgnoreCase).isPresent() ? null : r;
            return new Answer(resp.statusCode(), resp.body(), resp.headers().map());
        } catch (IOException e) {
            // A connection the server closed while this request was on its way (it refused the previous request
            // before reading all of it) loses the answer at the TCP level. Sent once more on a connection of its
            // own: an answer there counts as a lost connection (a figure), no answer is a failure.
            try (HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
                HttpResponse<String> resp = fresh.send(b.build(), HttpResponse.BodyHandlers.ofString());
                lostConnections++;
                System.out.println("FUZZ LOST CONNECTION (answered " + resp.statusCode() + " on a new one) "
                        + r.describe() + "; the request before on its first connection: "
                        + (previous == null ? "none" : previous.describe()));
                previous = null;
                return new Answer(resp.statusCode(), resp.body(), resp.headers().map());
            } catch (IOException again) {
                failures.add("no answer (" + e + ", again on a new connection: " + again + ") to " + r.describe()
                        + "; the request before on its first connection: "
                        + (previous == null ? "none" : previous.describe()));
                System.out.println("FUZZ FAILURE " + failures.getLast());
                return null;
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(stopped);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void judgeAgainstDocument(FuzzRequests.Request r, Answer a) {
        String method = r.method();
        if (!Set.of("GET", "POST", "HEAD").contains(method) || r.path().startsWith("/git/")) {
            return; // no such operation in the document (a 4xx is all it may get, checked above), or git's own
        }
        List<String> problems = contract.validateResponse(method, r.path(), a.status, a.headers, a.body);
        problems.removeIf(p -> p.startsWith("validation.request.path.missing")
                || p.startsWith("validation.request.operation.notAllowed"));
        if (!problems.isEmpty()) {
            fail(r, a, "an answer the document does not describe: " + problems);
        }
    }

    private void remember(Answer a) {
        if (a.status != 200 && a.status != 201 || !a.body.startsWith("{")) {
            return;
        }
        try {
            JsonNode n = Http.JSON.readTree(a.body);
            if (n.path("session_id").isTextual()) {
                sessions.add(n.get("session_id").asText());
            }
            if (n.path("ticket_key").isTextual()) {
                tickets.add(n.get("ticket_key").asText());
            }
        } catch (IOException notJson) {
            // judged above
        }
    }

    /** The server is alive and nothing it accepted is gone. */
    private void afterwards() {
        Http http2 = new Http(base);
        Http.Response health = http2.get("/health");
        if (health.status() != 200) {
            failures.add("/health answered " + health.status() + " after the run: " + health.body());
        }
        for (String id : sessions) {
            Http.Response s = http2.get("/api/pipeline/sessions/" + id);
            if (s.status() != 200) {
                failures.add("accepted session " + id + " is gone: " + s.status() + " " + s.body());
            }
        }
        for (String key : tickets) {
            Http.Response t = http2.get("/api/tickets/" + key);
            if (t.status() != 200) {
                failures.add("filed ticket " + key + " is gone: " + t.status() + " " + t.body());
            }
        }
    }

    private void fail(FuzzRequests.Request r, Answer a, String what) {
        String body = a.body.length() > 400 ? a.body.substring(0, 400) + "…" : a.body;
        failures.add(what + " for " + r.describe() + " -> " + a.status + " " + body);
        System.out.println("FUZZ FAILURE " + failures.getLast());
    }
}

package dev.voxloop.peers.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.voxloop.peers.contract.OpenApiContract;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * An OpenAI-compatible speech-to-text server ({@code POST /v1/audio/transcriptions}, multipart, answered as
 * {@code verbose_json}): each upload is answered with the next scripted utterance, its segment's
 * {@code avg_logprob} set so that the client's confidence (exp of the mean log probability) is the scripted one.
 * Every request is validated against shared/contracts/openai/openai.subset.openapi.json and its key checked; a test
 * calls {@link #assertClean()} at the end.
 */
public final class TranscriptionsPeer implements AutoCloseable {

    /** What the "engine" hears in the next upload and how sure it is. */
    public record Utterance(String text, double confidence) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String key;
    private final OpenApiContract contract;
    private final Deque<Utterance> script = new ArrayDeque<>();
    private final List<String> violations = new ArrayList<>();
    private int uploads;

    private TranscriptionsPeer(String key) {
        this.key = key;
        this.contract = OpenApiContract.load("openai/openai.subset.openapi.json",
                Map.of("/audio/transcriptions", List.of("post")));
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a loopback port", e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> Thread.ofPlatform().daemon().name("stt-peer")
                .unstarted(r)));
        server.createContext("/", this::exchange);
        server.start();
    }

    public static TranscriptionsPeer start() {
        return new TranscriptionsPeer("sk-stt-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Base URL as speech.openai.url expects it: {@code http://127.0.0.1:PORT/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public String key() {
        return key;
    }

    /** The next upload is heard as {@code text} with {@code confidence} (0 < confidence <= 1). */
    public synchronized TranscriptionsPeer thenHear(String text, double confidence) {
        if (!(confidence > 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1], got " + confidence);
        }
        script.add(new Utterance(text, confidence));
        return this;
    }

    public synchronized int uploads() {
        return uploads;
    }

    public synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    public void assertClean() {
        List<String> v = violations();
        if (!v.isEmpty()) {
            throw new AssertionError("TranscriptionsPeer saw " + v.size() + " problem(s):\n- " + String.join("\n- ", v));
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized void violation(String v) {
        violations.add(v);
    }

    private void exchange(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getPath();
            if (!ex.getRequestMethod().equals("POST") || !path.equals("/v1/audio/transcriptions")) {
                violation(ex.getRequestMethod() + " " + path + " is not served (only POST /v1/audio/transcriptions)");
                send(ex, 404, error("no such path"));
                return;
            }
            if (!("Bearer " + key).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                send(ex, 401, error("Incorrect API key provided"));
                return;
            }
            List<String> problems = contract.validate("POST", "/audio/transcriptions",
                    Map.copyOf(ex.getRequestHeaders()), body);
            problems.forEach(this::violation);
            if (!problems.isEmpty()) {
                send(ex, 400, error(problems.getFirst()));
                return;
            }
            Utterance u;
            synchronized (this) {
                uploads++;
                u = script.poll();
            }
            if (u == null) {
                violation("upload " + uploads() + " came after the script ended");
                send(ex, 500, error("the script has ended"));
                return;
            }
            send(ex, 200, verboseJson(u));
        } catch (RuntimeException e) {
            violation("the peer failed on " + ex.getRequestURI() + ": " + e);
            send(ex, 500, error("peer failure"));
        }
    }

    private static String verboseJson(Utterance u) {
        ObjectNode out = JSON.createObjectNode().put("task", "transcribe").put("language", "english")
                .put("duration", 3.0).put("text", " " + u.text());
        ObjectNode seg = out.putArray("segments").addObject().put("id", 0).put("seek", 0).put("start", 0.0)
                .put("end", 3.0).put("text", " " + u.text()).put("temperature", 0.0)
                .put("avg_logprob", Math.log(u.confidence())).put("compression_ratio", 1.0)
                .put("no_speech_prob", 0.01);
        seg.putArray("tokens").add(50364);
        return out.toString();
    }

    private static String error(String message) {
        return JSON.createObjectNode().set("error", JSON.createObjectNode().put("message", message)
                .put("type", "invalid_request_error")).toString();
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] out = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, out.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
        }
    }
}

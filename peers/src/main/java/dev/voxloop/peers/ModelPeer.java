package dev.voxloop.peers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * What every model peer shares: an HTTP server on an ephemeral loopback port, the key it accepts, a scripted
 * conversation ({@link Step}s answered in order to the agent's main-loop requests), a record of what arrived, the
 * contract violations found in it, and failure injection (every request answered with one error). A test reads
 * {@link #violations()} (or calls {@link #assertClean()}) at the end.
 */
public abstract class ModelPeer implements AutoCloseable {

    protected static final ObjectMapper JSON = new ObjectMapper();

    /** A request as received. */
    public record Received(String method, String path, Map<String, List<String>> headers, JsonNode body) {
    }

    /** An injected failure: HTTP status and the API's own error body. */
    public record Failure(int status, String body) {
    }

    private final HttpServer server;
    private final String key;
    private final Deque<Step> script = new ArrayDeque<>();
    private final List<Received> received = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private int answered;
    private Failure failure;
    private boolean toolSupport = true;

    protected ModelPeer(String key) {
        this.key = key;
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a loopback port", e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> Thread.ofPlatform().daemon().name("model-peer")
                .unstarted(r)));
        server.createContext("/", this::exchange);
        server.start();
    }

    /**
     * From now on the model cannot call tools: a peer whose API has tool calling refuses a request offering tools
     * as that API does for such a model.
     */
    protected synchronized void dropToolSupport() {
        toolSupport = false;
    }

    /** Whether the model can call tools (see {@link #dropToolSupport()}). */
    protected synchronized boolean toolSupport() {
        return toolSupport;
    }

    /** Base URL without a trailing slash, e.g. {@code http://127.0.0.1:PORT}. */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String key() {
        return key;
    }

    public synchronized ModelPeer script(Step... steps) {
        script.addAll(List.of(steps));
        return this;
    }

    public synchronized ModelPeer then(Reply reply) {
        script.add(Step.answer(reply));
        return this;
    }

    public synchronized ModelPeer thenAfter(String expect, Reply reply) {
        script.add(Step.after(expect, reply));
        return this;
    }

    /** Answers every following request with this failure. */
    public synchronized ModelPeer failWith(Failure f) {
        this.failure = f;
        return this;
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    public synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    /** Main-loop requests answered from the script so far. */
    public synchronized int answered() {
        return answered;
    }

    public synchronized int unanswered() {
        return script.size();
    }

    /** Fails when a request broke the contract or the conversation left the script. */
    public void assertClean() {
        List<String> v = violations();
        if (!v.isEmpty()) {
            throw new AssertionError(getClass().getSimpleName() + " saw " + v.size() + " problem(s):\n- "
                    + String.join("\n- ", v));
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    protected synchronized void violation(String v) {
        violations.add(v);
    }

    /** The next scripted answer; an unscripted request is a violation answered with {@code fallback}. */
    protected synchronized Reply next(JsonNode request, String latestInput, Reply fallback) {
        Step s = script.poll();
        if (s == null) {
            violations.add("request " + (answered + 1) + " of the main loop came after the script ended; latest input: "
                    + cut(latestInput));
            return fallback;
        }
        answered++;
        if (s.expect() != null && (latestInput == null || !latestInput.contains(s.expect()))) {
            violations.add("step " + answered + " expected '" + s.expect() + "' in the latest input, got: "
                    + cut(latestInput));
        }
        return s.reply().apply(request);
    }

    private static String cut(String s) {
        return s == null ? "(none)" : s.length() <= 600 ? s : s.substring(0, 600) + "...";
    }

    private void exchange(HttpExchange ex) throws IOException {
        try (ex) {
            String raw = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode body = null;
            if (!raw.isBlank()) {
                try {
                    body = JSON.readTree(raw);
                } catch (IOException e) {
                    violation(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + ": body is not JSON");
                }
            }
            Map<String, List<String>> headers = Map.copyOf(ex.getRequestHeaders());
            Received r = new Received(ex.getRequestMethod(), ex.getRequestURI().getPath(), headers, body);
            Failure f;
            synchronized (this) {
                received.add(r);
                f = failure;
            }
            if (f != null) {
                send(ex, f.status(), "application/json", f.body());
                return;
            }
            if (!authorized(ex)) {
                send(ex, 401, "application/json", unauthorizedBody());
                return;
            }
            handle(ex, r, raw);
        } catch (RuntimeException e) {
            violation("the peer failed on " + ex.getRequestURI() + ": " + e);
            send(ex, 500, "application/json", "{\"error\":{\"message\":\"peer failure\"}}");
        }
    }

    /** Whether the request carries the key in this API's header. */
    protected abstract boolean authorized(HttpExchange ex);

    protected abstract String unauthorizedBody();

    protected abstract void handle(HttpExchange ex, Received r, String raw) throws IOException;

    protected static String header(HttpExchange ex, String name) {
        return ex.getRequestHeaders().getFirst(name);
    }

    protected static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] out = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        }
    }

    /** Server-sent events: {@code event: NAME} (when given) and one {@code data:} line per event, flushed each. */
    protected static final class EventStream implements AutoCloseable {

        private final OutputStream out;

        public EventStream(HttpExchange ex) throws IOException {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.getResponseHeaders().set("Cache-Control", "no-cache");
            ex.sendResponseHeaders(200, 0);
            this.out = ex.getResponseBody();
        }

        public void event(String name, JsonNode data) throws IOException {
            String s = (name == null ? "" : "event: " + name + "\n") + "data: " + JSON.writeValueAsString(data) + "\n\n";
            out.write(s.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}

package dev.voxloop.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.intake.IntakeIds;
import dev.voxloop.core.intent.IntentExtractor;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.ticket.DuplicateFinder;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.testing.InMemoryDeliveries;
import dev.voxloop.core.testing.InMemoryEventLog;
import dev.voxloop.core.testing.InMemoryIdempotencyKeys;
import dev.voxloop.core.testing.InMemoryIntakeRepository;
import dev.voxloop.core.testing.InMemoryLoopQueue;
import dev.voxloop.core.testing.InMemoryTracker;
import dev.voxloop.core.testing.KeywordExtractor;
import dev.voxloop.core.testing.ManualClock;
import dev.voxloop.core.ticket.TicketTracker;
import dev.voxloop.core.transcript.SpeechToText;
import dev.voxloop.intake.IntakeService;
import dev.voxloop.intake.IntakeSettings;
import dev.voxloop.server.http.webhook.GitHubHooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A real server on a free port over in-memory ports, with a small HTTP client that checks every response against
 * the OpenAPI document ({@link ApiContract}). Tests read like usage: {@code
 * server.postJson("/api/pipeline/run", "{\"text\": \"...\"}")}.
 */
final class TestServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final ManualClock clock = ManualClock.startingNow();
    final InMemoryIntakeRepository sessions = new InMemoryIntakeRepository();
    final InMemoryLoopQueue queue = new InMemoryLoopQueue(clock);
    final InMemoryEventLog log = new InMemoryEventLog();
    final EventBus events = new EventBus(log);
    final InMemoryTracker tracker;
    final InMemoryDeliveries deliveries = new InMemoryDeliveries();
    final InMemoryIdempotencyKeys idempotencyKeys = new InMemoryIdempotencyKeys();
    final IntakeService intake;
    final VoxloopServer server;
    final ServerSettings settings;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Runnable> closers = new ArrayList<>();

    static Builder builder() {
        return new Builder();
    }

    static TestServer start() {
        return builder().start();
    }

    static final class Builder {
        IntakeSettings intakeSettings = IntakeSettings.defaults();
        ServerSettings settings = ServerSettings.defaults().withPort(0);
        IntentExtractor extractor = new KeywordExtractor();
        SpeechToText speech;
        UnaryOperator<TicketTracker> trackerWrapper = t -> t;
        GitHubHooks github;
        DuplicateFinder duplicates = DuplicateFinder.NONE;

        Builder duplicates(DuplicateFinder d) {
            duplicates = d;
            return this;
        }

        Builder intake(IntakeSettings s) {
            intakeSettings = s;
            return this;
        }

        Builder settings(UnaryOperator<ServerSettings> change) {
            settings = change.apply(settings);
            return this;
        }

        Builder extractor(IntentExtractor e) {
            extractor = e;
            return this;
        }

        Builder speech(SpeechToText s) {
            speech = s;
            return this;
        }

        Builder github(GitHubHooks hooks) {
            github = hooks;
            return this;
        }

        Builder tracker(UnaryOperator<TicketTracker> wrap) {
            trackerWrapper = wrap;
            return this;
        }

        TestServer start() {
            return new TestServer(this);
        }
    }

    private TestServer(Builder b) {
        this.settings = b.settings;
        this.tracker = new InMemoryTracker(InMemoryTracker.withSampleProjects("").projects(), "", clock);
        TicketTracker t = b.trackerWrapper.apply(tracker);
        this.intake = new IntakeService(sessions, b.speech, b.extractor, t, b.duplicates, queue, events, b.intakeSettings, clock,
                IntakeIds::next);
        this.server = new VoxloopServer(intake, t, queue, events, null, new RequestRecords(deliveries, idempotencyKeys),
                null, null, b.github, settings,
                () -> new HealthInfo("small", "mistral:7b-instruct-q4_0", false, b.speech == null ? null : "test",
                        b.speech == null ? null : b.speech.status(), "keywords", "memory", "test",
                        new HealthInfo.Sandbox("none", false, "sandbox: NONE (test server)"))).start();
        tracker.baseUrl(base());
    }

    /** Files {@code n} tickets in {@code project} (KEY-1 .. KEY-n), e.g. for the webhook to find. */
    void fileTickets(String project, int n) {
        for (int i = 0; i < n; i++) {
            tracker.create(new TicketDraft("Ticket " + i + " of " + project, "", List.of(), null, null, project, null,
                    List.of()), new Provenance(IntakeIds.next(), false, "", clock.instant()));
        }
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    URI uri(String path) {
        return URI.create(base() + path);
    }

    Response get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    Response postJson(String path, String body, String... headers) {
        List<String> h = new ArrayList<>(List.of("Content-Type", "application/json"));
        h.addAll(List.of(headers));
        return post(path, body, h.toArray(String[]::new));
    }

    Response post(String path, String body, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    Response postBytes(String path, byte[] body, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body)), headers);
    }

    Response postMultipart(String path, String field, String filename, byte[] content, String... headers) {
        String boundary = "----voxloop" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + filename + "\"\r\nContent-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        List<String> h = new ArrayList<>(List.of("Content-Type", "multipart/form-data; boundary=" + boundary));
        h.addAll(List.of(headers));
        return postBytes(path, body, h.toArray(String[]::new));
    }

    Response send(HttpRequest.Builder req, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            req.header(headers[i], headers[i + 1]);
        }
        try {
            HttpRequest built = req.timeout(Duration.ofSeconds(20)).build();
            HttpResponse<String> r = http.send(built, HttpResponse.BodyHandlers.ofString());
            ApiContract.check(built.method(), built.uri().getRawPath(), r.statusCode(), r.headers().map(), r.body());
            return new Response(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    void onClose(Runnable r) {
        closers.add(r);
    }

    @Override
    public void close() {
        closers.forEach(Runnable::run);
        server.stop();
    }
}

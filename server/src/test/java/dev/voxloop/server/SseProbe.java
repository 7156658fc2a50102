package dev.voxloop.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Reads a Server-Sent Events stream in the background: each event's id and JSON data. */
final class SseProbe implements AutoCloseable {

    record Event(long id, JsonNode data) {
    }

    final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    final HttpResponse<Stream<String>> response;
    private final Thread reader;

    SseProbe(TestServer server, String pathAndQuery, String... headers) {
        HttpRequest.Builder req = HttpRequest.newBuilder(server.uri(pathAndQuery)).GET()
                .header("Accept", "text/event-stream");
        for (int i = 0; i < headers.length; i += 2) {
            req.header(headers[i], headers[i + 1]);
        }
        this.response = server.http.sendAsync(req.build(), HttpResponse.BodyHandlers.ofLines())
                .orTimeout(10, TimeUnit.SECONDS).join();
        this.reader = Thread.ofVirtual().start(() -> {
            long id = -1;
            try {
                for (var it = response.body().iterator(); it.hasNext(); ) {
                    String line = it.next();
                    if (line.startsWith("id: ")) {
                        id = Long.parseLong(line.substring(4));
                    } else if (line.startsWith("data: ")) {
                        events.add(new Event(id, TestServer.JSON.readTree(line.substring(6))));
                    }
                }
            } catch (Exception ignored) {
                // stream closed
            }
        });
    }

    Event next() {
        try {
            Event e = events.poll(10, TimeUnit.SECONDS);
            if (e == null) {
                throw new AssertionError("no SSE event within 10 s");
            }
            return e;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    Event poll(Duration d) throws InterruptedException {
        return events.poll(d.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}

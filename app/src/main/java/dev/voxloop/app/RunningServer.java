package dev.voxloop.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code voxloop serve} running on this data directory, as the file {@code server.json} it writes there says:
 * its URL and process id. Other commands ({@code say}, {@code doctor}, {@code worker}) read it to talk to the
 * running server instead of guessing a port; a file left behind by a server that died is ignored, because the
 * process must be alive and its {@code /health} must answer.
 */
public record RunningServer(String url, long pid, Instant started) {

    static final String FILE = "server.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes {@code server.json} for this process; closing the handle removes it when it is still ours. */
    public static AutoCloseable announce(Path dataDir, String url) {
        long pid = ProcessHandle.current().pid();
        Path file = dataDir.resolve(FILE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("pid", pid);
        body.put("started", Instant.now().toString());
        try {
            DataDirectory.create(dataDir);
            Path tmp = dataDir.resolve(FILE + ".tmp-" + pid);
            DataDirectory.writeOwnerOnly(tmp, JSON.writeValueAsBytes(body));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // the server still serves; commands then fall back to sharing the database
            org.slf4j.LoggerFactory.getLogger(RunningServer.class).warn("cannot write {}: {}", file, e.toString());
        }
        return () -> read(dataDir).filter(s -> s.pid() == pid).ifPresent(s -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a stale file is ignored by readers: its process is gone
            }
        });
    }

    /** What {@code server.json} says, without checking that the server is alive. */
    static Optional<RunningServer> read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            String url = n.path("url").asText(null);
            long pid = n.path("pid").asLong(-1);
            Instant started = n.hasNonNull("started") ? Instant.parse(n.get("started").asText()) : null;
            return url == null || pid < 0 ? Optional.empty() : Optional.of(new RunningServer(url, pid, started));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The server running on {@code dataDir}: its process is alive and {@code /health} answers (within ten seconds:
     * a server that just started may be busy loading its models on a small machine).
     */
    public static Optional<RunningServer> find(Path dataDir) {
        return read(dataDir).filter(s -> ProcessHandle.of(s.pid()).map(ProcessHandle::isAlive).orElse(false))
                .filter(RunningServer::answers);
    }

    private boolean answers() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url + "/health"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

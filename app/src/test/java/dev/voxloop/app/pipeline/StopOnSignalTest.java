package dev.voxloop.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real `voxloop serve` stopped with SIGTERM, as a service manager or Ctrl-C stops it: it exits with 143
 * (128 + 15) after closing its database, and the JVM does not crash on the way out, whether the server is still
 * starting, the in-process models are still loading (the moment ONNX Runtime's own shutdown hook used to pull its
 * environment from under a loading model) or have served a request. Nothing it logs once the stop began is a
 * warning or an error: its workers and housekeeping end before the database closes (they used to poll on and log
 * "Database is already closed"), and a model load the stop cuts short is not a broken model. A `voxloop worker`
 * stopped with SIGTERM or Ctrl-C (SIGINT) stops the same way: its worker ends before its database closes.
 */
@Tag("slow")
class StopOnSignalTest {

    private static final Duration STOP = Duration.ofSeconds(60);
    /** A log line at WARN or ERROR ("2026-12-06T12:35:31.603Z WARN Worker - ..."). */
    private static final Pattern WARN_OR_ERROR = Pattern.compile("^\\S+ (WARN|ERROR) ");

    /** An idle worker that looks at the queue every 50 ms, so a stop finds it between two database calls. */
    private static final Map<String, String> BUSY_WORKER = Map.of("VOXLOOP_LOOP_POLL_INTERVAL", "50ms");

    @TempDir
    Path data;

    @Test
    void sigtermWhileTheServerStartsStopsCleanly() throws Exception {
        // the HTTP server listens; the database may still be opening, the workers and housekeeping start next
        try (ServerProcess server = ServerProcess.starting(data, Map.of())) {
            int stopBegan = server.output().length();
            int status = server.terminate(STOP);
            assertStoppedCleanly(server, status, stopBegan);
        }
    }

    @Test
    void sigtermWhileTheModelsLoadStopsCleanly() throws Exception {
        try (ServerProcess server = ServerProcess.start(data, Map.of())) {
            int stopBegan = server.output().length();
            int status = server.terminate(STOP);
            assertStoppedCleanly(server, status, stopBegan);
        }
    }

    @Test
    void sigtermAfterARequestStopsCleanly() throws Exception {
        try (ServerProcess server = ServerProcess.start(data, Map.of())) {
            HttpResponse<String> drafted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(server.url() + "/api/pipeline/run"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"text\": \"Add a waiting list to EventIt for sold out concerts\"}"))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(200);
            int stopBegan = server.output().length();
            int status = server.terminate(STOP);
            assertStoppedCleanly(server, status, stopBegan);
        }
    }

    @Test
    void sigtermStopsAWorkerCleanly() throws Exception {
        try (ServerProcess worker = ServerProcess.worker(data, BUSY_WORKER)) {
            int stopBegan = worker.output().length();
            int status = worker.terminate(STOP);
            assertStoppedCleanly(worker, 143, status, stopBegan);
        }
    }

    @Test
    void ctrlCStopsAWorkerCleanly() throws Exception {
        try (ServerProcess worker = ServerProcess.worker(data, BUSY_WORKER)) {
            int stopBegan = worker.output().length();
            int status = worker.interrupt(STOP);
            assertStoppedCleanly(worker, 130, status, stopBegan);
        }
    }

    private void assertStoppedCleanly(ServerProcess server, int status, int stopBegan) throws Exception {
        assertStoppedCleanly(server, 143, status, stopBegan);
    }

    /**
     * @param expected  128 + the signal's number
     * @param stopBegan how much the process had printed when the signal was sent
     */
    private void assertStoppedCleanly(ServerProcess server, int expected, int status, int stopBegan)
            throws Exception {
        String out = server.output();
        assertThat(status).as("exit status after the signal; output:%n%s", out).isEqualTo(expected);
        assertThat(out).as("the output").contains("database closed")
                .doesNotContain("A fatal error has been detected")
                .doesNotContain("already closed");
        assertThat(out.substring(stopBegan).lines().filter(l -> WARN_OR_ERROR.matcher(l).find()))
                .as("warnings and errors logged while stopping; output:%n%s", out).isEmpty();
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("hs_err"));
        }
    }
}

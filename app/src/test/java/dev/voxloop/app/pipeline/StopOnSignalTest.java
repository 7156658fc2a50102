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
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real `voxloop serve` stopped with SIGTERM, as a service manager or Ctrl-C stops it: it exits with 143
 * (128 + 15) after closing its database, and the JVM does not crash on the way out, whether the in-process models
 * are still loading (the moment ONNX Runtime's own shutdown hook used to pull its environment from under a loading
 * model) or have served a request.
 */
@Tag("slow")
class StopOnSignalTest {

    private static final Duration STOP = Duration.ofSeconds(60);

    @TempDir
    Path data;

    @Test
    void sigtermWhileTheModelsLoadStopsCleanly() throws Exception {
        try (ServerProcess server = ServerProcess.start(data, Map.of())) {
            int status = server.terminate(STOP);
            assertStoppedCleanly(server, status);
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
            int status = server.terminate(STOP);
            assertStoppedCleanly(server, status);
        }
    }

    private void assertStoppedCleanly(ServerProcess server, int status) throws Exception {
        String out = server.output();
        assertThat(status).as("exit status after SIGTERM; output:%n%s", out).isEqualTo(143);
        assertThat(out).as("the server's output").contains("database closed")
                .doesNotContain("A fatal error has been detected");
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("hs_err"));
        }
    }
}

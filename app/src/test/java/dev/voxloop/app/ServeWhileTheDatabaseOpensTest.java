package dev.voxloop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.problem.Problem;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} listens before its database is open: meanwhile /health answers 503 "starting" with Retry-After
 * (never a refused connection, never "ok" too early), and a database that cannot be opened stops the server with
 * the database's problem, as before. (Slow: it waits out the database's connect timeout, long enough for a first
 * in-process start of the HTTP server on a loaded machine.)
 */
@Tag("slow")
class ServeWhileTheDatabaseOpensTest {

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void healthSaysStartingUntilTheDatabaseIsOpenAndAFailedOpenStopsTheServer() throws Exception {
        int dbPort = freePort();   // nothing listens there: the pool retries for the connect timeout, then fails
        int httpPort = freePort();
        AppConfig config = new AppConfig(new ConfigTree(Map.of("db", Map.of("url", "jdbc:postgresql://127.0.0.1:"
                + dbPort + "/voxloop", "user", "u", "password", "p", "connect_timeout", "20s"),
                "speech", Map.of("engine", "none"))), data, null, List.of());
        Voxloop app = Voxloop.start(config);
        try {
            CompletableFuture<Voxloop.Running> serving = CompletableFuture.supplyAsync(
                    () -> app.serve("127.0.0.1", httpPort, 0));

            HttpResponse<String> health = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(12);
            while (health == null && System.nanoTime() < deadline) {
                try {
                    health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health"))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                } catch (ConnectException e) {
                    Thread.sleep(20);
                }
            }
            assertThat(health).as("the server listens while the database opens").isNotNull();
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.headers().firstValue("Retry-After")).contains("1");
            JsonNode body = new ObjectMapper().readTree(health.body());
            assertThat(body.path("status").asText()).isEqualTo("starting");
            assertThat(body.path("starting").asText()).contains("opening the database").doesNotContain("\"p\"");
            assertThat(serving).isNotDone();

            assertThatThrownBy(() -> serving.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(Problem.class).hasMessageContaining("cannot open database");
            assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
                    + "/health")).build(), HttpResponse.BodyHandlers.discarding()))
                    .as("the server stopped with its database").isInstanceOf(IOException.class);
        } finally {
            app.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

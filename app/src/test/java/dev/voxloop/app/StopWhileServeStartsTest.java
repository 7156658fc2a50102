package dev.voxloop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.config.ConfigTree;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop that comes while {@code serve} is still starting (a SIGTERM right after the process began): the start
 * goes no further. The HTTP server it opened is closed again, and no housekeeping, worker or {@code server.json}
 * starts against a database the stop is closing (they used to, and logged "Database is already closed"). Nor does
 * it say that it serves: once a stop began, "serving on" is either said before the database closes or not at all
 * (it used to come after "database closed" when the stop came just as the start ended).
 */
class StopWhileServeStartsTest {

    @TempDir
    Path data;

    @Test
    void aServerStoppedBeforeItFinishedStartingStartsNothingMore() throws Exception {
        int port = freePort();
        Voxloop app = Voxloop.start(config());
        app.close();

        List<String> said = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> app.serve("127.0.0.1", port, 1, said::add)).isInstanceOf(Voxloop.Stopped.class);
        assertThat(said).as("nothing announced").isEmpty();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).as("nothing listens")
                .isInstanceOf(ConnectException.class);
        assertThat(Files.exists(data.resolve(RunningServer.FILE))).as("no server.json announced").isFalse();
    }

    @Test
    void aStopThatComesWhileTheServerAnnouncesItselfClosesTheDatabaseOnlyAfterwards() throws Exception {
        Voxloop app = Voxloop.start(config());
        List<String> said = new CopyOnWriteArrayList<>();
        CompletableFuture<String> announcing = new CompletableFuture<>();
        CountDownLatch release = new CountDownLatch(1);
        // threads of its own: the common pool may have only one, and the stop would wait behind the start for it
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CompletableFuture<Voxloop.Running> serving = CompletableFuture.supplyAsync(() -> app.serve("127.0.0.1", 0,
                1, url -> {
                    announcing.complete(url);
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    said.add("serving on " + url);
                }), threads);
        try {
            // a start that failed says why here
            CompletableFuture.anyOf(announcing, serving).get(60, TimeUnit.SECONDS);
            assertThat(announcing).as("the server started").isDone();
            // the stop begins while "serving on" is still being said
            CompletableFuture<Void> stop = CompletableFuture.runAsync(() -> {
                app.close();
                said.add("database closed");
            }, threads);
            try {
                stop.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException expected) {
                // it waits for the announcement under way
            }
            release.countDown();
            stop.get(30, TimeUnit.SECONDS);
            serving.get(30, TimeUnit.SECONDS);
            assertThat(said).hasSize(2).last().isEqualTo("database closed");
        } finally {
            release.countDown();
            app.close();
            threads.shutdown();
        }
    }

    private AppConfig config() {
        return new AppConfig(new ConfigTree(Map.of("speech", Map.of("engine", "none"))), data, null, List.of());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

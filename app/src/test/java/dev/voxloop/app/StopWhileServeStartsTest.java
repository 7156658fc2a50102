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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop that comes while {@code serve} is still starting (a SIGTERM right after the process began): the start
 * goes no further. The HTTP server it opened is closed again, and no housekeeping, worker or {@code server.json}
 * starts against a database the stop is closing (they used to, and logged "Database is already closed").
 */
class StopWhileServeStartsTest {

    @TempDir
    Path data;

    @Test
    void aServerStoppedBeforeItFinishedStartingStartsNothingMore() throws Exception {
        AppConfig config = new AppConfig(new ConfigTree(Map.of("speech", Map.of("engine", "none"))), data, null,
                List.of());
        int port = freePort();
        Voxloop app = Voxloop.start(config);
        app.close();

        assertThatThrownBy(() -> app.serve("127.0.0.1", port, 1)).isInstanceOf(Voxloop.Stopped.class);
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).as("nothing listens")
                .isInstanceOf(ConnectException.class);
        assertThat(Files.exists(data.resolve(RunningServer.FILE))).as("no server.json announced").isFalse();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

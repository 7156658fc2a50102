package dev.voxloop.speech.engine.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a local HTTP server that behaves like the model host (digest in X-Linked-Etag). */
class ModelDownloadTest {

    private HttpServer server;
    private byte[] model;
    private String modelSha;

    @BeforeEach
    void start() throws IOException {
        model = Files.readAllBytes(WhisperProcessTest.testModel());
        modelSha = ModelDownload.sha256Of(WhisperProcessTest.testModel());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/models/ggml-tiny.bin", ex -> {
            ex.getResponseHeaders().add("X-Linked-Etag", "\"" + modelSha + "\"");
            ex.sendResponseHeaders(200, model.length);
            ex.getResponseBody().write(model);
            ex.close();
        });
        server.createContext("/models/ggml-tampered.bin", ex -> {
            ex.getResponseHeaders().add("X-Linked-Etag", "\"" + modelSha + "\"");
            byte[] bad = model.clone();
            bad[bad.length / 2] ^= 1;
            ex.sendResponseHeaders(200, bad.length);
            ex.getResponseBody().write(bad);
            ex.close();
        });
        server.createContext("/models/ggml-gone.bin", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url(String name) {
        return new WhisperModels(Path.of("."), "http://127.0.0.1:" + server.getAddress().getPort() + "/models")
                .url(name);
    }

    @Test
    void downloadsWithProgressAndChecksTheDigestTheServerPublishes(@TempDir Path dir) throws IOException {
        AtomicLong seen = new AtomicLong();
        long[] total = {0};
        ModelDownload.Progress progress = new ModelDownload.Progress() {
            @Override
            public void started(String name, long t) {
                total[0] = t;
            }

            @Override
            public void advanced(long bytes) {
                seen.addAndGet(bytes);
            }

            @Override
            public void finished() {
            }
        };
        Path target = dir.resolve("ggml-tiny.bin");
        ModelDownload.Result r = new ModelDownload().fetch(url("tiny"), target, null, progress);

        assertThat(r.sha256()).isEqualTo("c486fb9f14a28b1c1dc252741a431646cc573450c900b9d9c406e10294aa01e6");
        assertThat(r.checkedAgainst()).isEqualTo(modelSha);
        assertThat(Files.readAllBytes(target)).isEqualTo(model);
        assertThat(total[0]).isEqualTo(model.length);
        assertThat(seen.get()).isEqualTo(model.length);
        assertThat(dir.resolve("ggml-tiny.bin.part")).doesNotExist();
    }

    @Test
    void aTamperedDownloadIsNotKept(@TempDir Path dir) {
        Path target = dir.resolve("ggml-tampered.bin");
        assertThatThrownBy(() -> new ModelDownload().fetch(url("tampered"), target, null,
                ModelDownload.Progress.none())).isInstanceOf(IOException.class).hasMessageContaining("checksum");
        assertThat(target).doesNotExist();
        assertThat(dir.resolve("ggml-tampered.bin.part")).doesNotExist();
    }

    @Test
    void anExpectedDigestGivenByTheUserWins(@TempDir Path dir) {
        assertThatThrownBy(() -> new ModelDownload().fetch(url("tiny"), dir.resolve("m.bin"), "00".repeat(32),
                ModelDownload.Progress.none())).isInstanceOf(IOException.class).hasMessageContaining("checksum");
    }

    @Test
    void missingModelOnTheServerIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> new ModelDownload().fetch(url("gone"), dir.resolve("g.bin"), null,
                ModelDownload.Progress.none())).isInstanceOf(IOException.class).hasMessageContaining("404");
    }

    @Test
    void anUnreachableServerIsAClearErrorNotNull(@TempDir Path dir) throws IOException {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/models/ggml-base.en.bin");
        assertThatThrownBy(() -> new ModelDownload().fetch(nowhere, dir.resolve("b.bin"), null,
                ModelDownload.Progress.none())).isInstanceOf(IOException.class)
                .hasMessageContaining("cannot reach 127.0.0.1").hasMessageContaining("offline")
                .hasMessageNotContaining("null");
        assertThat(dir.resolve("b.bin")).doesNotExist();
    }
}

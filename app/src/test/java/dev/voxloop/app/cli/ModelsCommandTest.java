package dev.voxloop.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.voxloop.core.config.ConfigTree;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `voxloop models pull NAME` against a local server serving whisper.cpp's test model. */
class ModelsCommandTest {

    @Test
    void pullsAModelAndVerifiesItsDigest(@TempDir Path dir) throws Exception {
        byte[] model = Files.readAllBytes(TranscribeCommandTest.shared("models/for-tests-ggml-tiny.bin"));
        String sha = "c486fb9f14a28b1c1dc252741a431646cc573450c900b9d9c406e10294aa01e6";
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/m/ggml-tiny.en.bin", ex -> {
            ex.getResponseHeaders().add("X-Linked-Etag", "\"" + sha + "\"");
            ex.sendResponseHeaders(200, model.length);
            ex.getResponseBody().write(model);
            ex.close();
        });
        server.start();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = new CommandLine(new ModelsCommand(ConfigTree::empty, new PrintStream(out, true),
                    new PrintStream(err, true))).execute("pull", "tiny.en", "--dir", dir.toString(), "--source",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/m");
            assertThat(exit).as(err.toString()).isZero();
            assertThat(Files.readAllBytes(dir.resolve("ggml-tiny.en.bin"))).isEqualTo(model);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains(sha).contains("verified");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void unknownModelNameIsAUsageError(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CommandLine(new ModelsCommand(ConfigTree::empty, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true))).execute("pull", "huge.xx", "--dir", dir.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("unknown model").contains("base.en");
    }

    @Test
    void offlineThePullSaysWhatCouldNotBeReachedAndWhatToDoAndLeavesNothingBehind(@TempDir Path dir)
            throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CommandLine(new ModelsCommand(ConfigTree::empty, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true))).execute("pull", "base.en", "--dir", dir.toString(), "--source",
                "http://127.0.0.1:" + closed + "/m");
        String said = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(said).isEqualTo(1);
        assertThat(said).contains("cannot reach 127.0.0.1", "this machine may be offline",
                "Copy a ggml model file into the models directory").doesNotContain("Exception").doesNotContain("\tat ");
        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }
}

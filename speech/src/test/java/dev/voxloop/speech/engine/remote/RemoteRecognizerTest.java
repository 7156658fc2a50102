package dev.voxloop.speech.engine.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.transcript.Transcript;
import dev.voxloop.speech.SpeechEngines;
import dev.voxloop.speech.SpeechSettings;
import dev.voxloop.speech.engine.WarmEngine;
import dev.voxloop.speech.testing.MultipartForm;
import dev.voxloop.speech.testing.TestAudio;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against an in-process peer speaking the original system's POST /api/transcribe. */
class RemoteRecognizerTest {

    private HttpServer server;
    private final AtomicReference<MultipartForm> received = new AtomicReference<>();
    private volatile int status = 200;
    private volatile String reply = "{\"text\":\" go forward ten meters \",\"language\":\"en\",\"duration\":2.8,"
            + "\"confidence\":null}";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/transcribe", ex -> {
            received.set(MultipartForm.parse(ex.getRequestHeaders().getFirst("Content-Type"),
                    ex.getRequestBody().readAllBytes()));
            byte[] body = reply.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private WarmEngine engine(String url) {
        SpeechSettings s = SpeechSettings.from(new dev.voxloop.core.config.ConfigTree(Map.of("speech",
                Map.of("engine", "remote", "remote", Map.of("url", url)))));
        return SpeechEngines.create(s, List::of);
    }

    @Test
    void postsTheAudioFieldAndReadsTheText() {
        try (WarmEngine e = engine("http://127.0.0.1:" + server.getAddress().getPort() + "/")) {
            Transcript t = e.transcribe(TestAudio.upload(TestAudio.shared("goforward.wav"), "goforward.wav"));
            assertThat(t.text()).isEqualTo("go forward ten meters");
            assertThat(t.engine()).isEqualTo("remote");
            assertThat(t.language()).isEqualTo("en");
            MultipartForm form = received.get();
            assertThat(form.names()).containsExactly("audio");
            assertThat(form.filename("audio")).endsWith(".wav");
            byte[] wav = form.bytes("audio");
            assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        }
    }

    @Test
    void serverErrorIsUpstreamAndDownServerIsUnavailable() {
        status = 500;
        reply = "{\"detail\":\"boom\"}";
        try (WarmEngine e = engine("http://127.0.0.1:" + server.getAddress().getPort())) {
            assertThatThrownBy(() -> e.transcribe(TestAudio.upload(TestAudio.shared("goforward.wav"), "g.wav")))
                    .isInstanceOf(Problem.class).extracting(x -> ((Problem) x).kind()).isEqualTo(Problem.Kind.UPSTREAM);
        }
        try (WarmEngine e = engine("http://127.0.0.1:1")) {
            assertThatThrownBy(() -> e.transcribe(TestAudio.upload(TestAudio.shared("goforward.wav"), "g.wav")))
                    .isInstanceOf(Problem.class).extracting(x -> ((Problem) x).kind())
                    .isEqualTo(Problem.Kind.UNAVAILABLE);
        }
    }
}

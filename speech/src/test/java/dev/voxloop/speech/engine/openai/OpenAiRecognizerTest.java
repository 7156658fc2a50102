package dev.voxloop.speech.engine.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.sun.net.httpserver.HttpServer;
import dev.voxloop.core.config.ConfigTree;
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
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against an in-process peer playing an OpenAI-compatible server. Every request we send is validated against
 * the shared OpenAI contract (shared/contracts/openai/openai.subset.openapi.json).
 */
class OpenAiRecognizerTest {

    private static OpenApiInteractionValidator validator;

    private HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<MultipartForm> forms = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String reply = """
            {"task":"transcribe","language":"english","duration":2.79,"text":" Go forward ten meters.",
             "segments":[{"id":0,"seek":0,"start":0.0,"end":2.5,"text":" Go forward ten meters.","tokens":[1],
             "temperature":0.0,"avg_logprob":-0.2,"compression_ratio":1.0,"no_speech_prob":0.01}]}""";

    @BeforeAll
    static void contract() {
        Path spec = TestAudio.sharedSpeech().getParent().getParent().resolve("contracts/openai/openai.subset.openapi.json");
        validator = OpenApiInteractionValidator.createForSpecificationUrl(spec.toUri().toString())
                .withBasePathOverride("/v1").build();
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            String contentType = ex.getRequestHeaders().getFirst("Content-Type");
            SimpleRequest.Builder b = new SimpleRequest.Builder(ex.getRequestMethod(), ex.getRequestURI().getPath())
                    .withBody(body).withContentType(contentType);
            ex.getRequestHeaders().forEach((k, v) -> b.withHeader(k, v));
            requests.add(b.build());
            forms.add(MultipartForm.parse(contentType, body));
            byte[] out = reply.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private WarmEngine engine(List<String> vocabulary) {
        ConfigTree c = new ConfigTree(Map.of("speech", Map.of("engine", "openai", "openai", Map.of(
                "url", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1", "key", "sk-test-123",
                "model", "whisper-1"))));
        return SpeechEngines.create(SpeechSettings.from(c), () -> vocabulary);
    }

    @Test
    void sendsAValidTranscriptionRequestWithTheVocabularyAsPrompt() {
        try (WarmEngine e = engine(List.of("Voxloop", "VOX", "billing engine"))) {
            Transcript t = e.transcribe(TestAudio.upload(TestAudio.shared("goforward.wav"), "goforward.wav"));

            assertThat(t.text()).isEqualTo("Go forward ten meters.");
            assertThat(t.engine()).isEqualTo("openai");
            assertThat(t.language()).isEqualTo("en");
            assertThat(t.segments()).singleElement().satisfies(s -> assertThat(s.endSeconds()).isEqualTo(2.5));
            assertThat(t.confidence()).isBetween(0.8, 0.83);
        }
        assertThat(requests).hasSize(1);
        Request r = requests.get(0);
        assertThat(r.getPath()).isEqualTo("/v1/audio/transcriptions");
        assertThat(r.getHeaderValue("Authorization")).contains("Bearer sk-test-123");
        ValidationReport report = validator.validateRequest(r);
        assertThat(report.getMessages()).as(report.toString()).isEmpty();

        MultipartForm form = forms.get(0);
        assertThat(form.names()).containsExactlyInAnyOrder("file", "model", "response_format", "language", "prompt");
        assertThat(form.text("model")).isEqualTo("whisper-1");
        assertThat(form.text("response_format")).isEqualTo("verbose_json");
        assertThat(form.text("language")).isEqualTo("en");
        assertThat(form.text("prompt")).isEqualTo("Voxloop, VOX, billing engine");
        assertThat(form.filename("file")).endsWith(".wav");
        assertThat(form.contentType("file")).isEqualTo("audio/wav");
    }

    @Test
    void theValidatorRejectsARequestThatBreaksTheContract() {
        // guard against a validator that accepts anything: a request without the required file and model
        SimpleRequest bad = new SimpleRequest.Builder("POST", "/v1/audio/transcriptions")
                .withContentType("application/json").withBody("{\"prompt\":1}").build();
        assertThat(validator.validateRequest(bad).hasErrors()).isTrue();
    }

    @Test
    void noPromptWhenTheTrackerHasNoVocabulary() {
        try (WarmEngine e = engine(List.of())) {
            e.transcribe(TestAudio.upload(TestAudio.shared("goforward.wav"), "goforward.wav"));
        }
        assertThat(forms.get(0).names()).doesNotContain("prompt");
        assertThat(validator.validateRequest(requests.get(0)).getMessages()).isEmpty();
    }

    @Test
    void rejectedKeyIsUnavailableWithoutLeakingIt() {
        status = 401;
        reply = "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}";
        try (WarmEngine e = engine(List.of())) {
            assertThatThrownBy(() -> e.transcribe(TestAudio.upload(TestAudio.shared("goforward.wav"), "g.wav")))
                    .isInstanceOf(Problem.class).hasMessageNotContaining("sk-test-123")
                    .extracting(x -> ((Problem) x).kind()).isEqualTo(Problem.Kind.UNAVAILABLE);
        }
    }

    @Test
    void replyWithoutTextIsUpstream() {
        reply = "{\"nothing\":true}";
        try (WarmEngine e = engine(List.of())) {
            assertThatThrownBy(() -> e.transcribe(TestAudio.upload(TestAudio.shared("goforward.wav"), "g.wav")))
                    .isInstanceOf(Problem.class).extracting(x -> ((Problem) x).kind())
                    .isEqualTo(Problem.Kind.UPSTREAM);
        }
    }
}

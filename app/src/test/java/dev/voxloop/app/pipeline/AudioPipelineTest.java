package dev.voxloop.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spoken requests through the real server with the embedded offline speech engine (no download). */
class AudioPipelineTest {

    @TempDir
    static Path data;

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(data, Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSpokenRequestBecomesAVoiceInitiatedTicket() throws Exception {
        HttpResponse<String> r = upload("/api/pipeline/run/audio", fixture("bookit-bug-request.wav"), "request.wav");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode preview = Http.JSON.readTree(r.body());
        assertThat(preview.path("status").asText()).isEqualTo("preview_needed");
        assertThat(preview.path("transcribed_text").asText()).containsIgnoringCase("calendar");
        assertThat(preview.path("intent").path("project").asText()).isEqualTo("BOOK");
        JsonNode filed = server.http.postJson("/api/pipeline/approve",
                Map.of("session_id", preview.path("session_id").asText())).json();
        String key = filed.path("ticket_key").asText();
        assertThat(server.app.tracker().find(key).orElseThrow().labels()).contains("VOICE_INITIATED");
    }

    @Test
    void transcribeKeepsTheOriginalShape() throws Exception {
        HttpResponse<String> r = upload("/api/transcribe", fixture("bookit-bug-request.wav"), "request.wav");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode t = Http.JSON.readTree(r.body());
        assertThat(t.path("text").asText()).containsIgnoringCase("safari");
        assertThat(t.has("language")).isTrue();
        assertThat(t.path("duration").asDouble()).isBetween(3.0, 6.0);
    }

    @Test
    void badAudioGetsAClearClientErrorAndLosesNothing() throws Exception {
        assertClientError(upload("/api/pipeline/run/audio", new byte[0], "empty.wav"), 400);
        assertClientError(upload("/api/pipeline/run/audio", "RIFF....WAVEjunkjunkjunk".getBytes(StandardCharsets.US_ASCII),
                "corrupt.wav"), -1);
        byte[] silence = silentWav(3);
        assertClientError(upload("/api/pipeline/run/audio", silence, "silence.wav"), 422);
        assertThat(server.http.get("/health").status()).isEqualTo(200);
    }

    private static void assertClientError(HttpResponse<String> r, int status) {
        if (status > 0) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        } else {
            assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
        }
        assertThat(r.body()).contains("detail").doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static HttpResponse<String> upload(String path, byte[] audio, String filename) throws Exception {
        return upload(server, path, audio, filename);
    }

    static HttpResponse<String> upload(TestServer to, String path, byte[] audio, String filename)
            throws Exception {
        String boundary = "voxloop" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"audio\"; filename=\"" + filename
                + "\"\r\nContent-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + audio.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(audio, 0, body, head.length, audio.length);
        System.arraycopy(tail, 0, body, head.length + audio.length, tail.length);
        HttpRequest req = HttpRequest.newBuilder(URI.create(to.running.url() + path))
                .timeout(Duration.ofSeconds(120))
                .header("content-type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
    }

    /** A clip of ../shared/testdata/speech, found by walking up from the working directory. */
    static byte[] shared(String name) throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (!java.nio.file.Files.isDirectory(dir.resolve("shared/testdata/speech"))) {
            dir = dir.getParent();
        }
        return java.nio.file.Files.readAllBytes(dir.resolve("shared/testdata/speech").resolve(name));
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = AudioPipelineTest.class.getResourceAsStream("/audio/" + name)) {
            return in.readAllBytes();
        }
    }

    /** A valid 16 kHz mono 16-bit WAV of digital silence. */
    private static byte[] silentWav(int seconds) {
        int samples = 16000 * seconds;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + samples * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(16000).putInt(32000).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        return b.array();
    }
}

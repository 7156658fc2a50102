package dev.voxloop.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CORS is off unless origins are configured, and never "*" with credentials. */
class CorsHttpTest {

    static TestServer.Response preflight(TestServer s, String origin) {
        return s.send(HttpRequest.newBuilder(s.uri("/api/pipeline/run"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()), "Origin", origin,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
    }

    @Test
    void sameOriginOnlyByDefault() {
        try (TestServer s = TestServer.start()) {
            var r = s.get("/health", "Origin", "https://evil.example");
            assertThat(r.header("Access-Control-Allow-Origin")).isNull();
        }
    }

    @Test
    void configuredOriginsAreAllowedWithoutCredentials() {
        try (TestServer s = TestServer.builder()
                .settings(x -> x.withCorsOrigins(List.of("https://console.example"))).start()) {
            var ok = s.get("/health", "Origin", "https://console.example");
            assertThat(ok.header("Access-Control-Allow-Origin")).isEqualTo("https://console.example");
            assertThat(ok.header("Access-Control-Allow-Credentials")).isNull();
            assertThat(preflight(s, "https://console.example").header("Access-Control-Allow-Origin"))
                    .isEqualTo("https://console.example");
            assertThat(s.get("/health", "Origin", "https://evil.example").header("Access-Control-Allow-Origin"))
                    .isNull();
        }
    }
}

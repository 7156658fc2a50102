package dev.voxloop.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.config.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {

    @Test
    void defaultsAreSafe() {
        ServerSettings d = ServerSettings.from(ConfigTree.empty());
        assertThat(d.host()).isEqualTo("127.0.0.1");
        assertThat(d.port()).isEqualTo(8000);
        assertThat(d.apiToken()).isNull();
        assertThat(d.corsOrigins()).isEmpty();
        assertThat(d.maxUploadBytes()).isEqualTo(25L * 1024 * 1024);
        assertThat(d.queueMaxAttempts()).isEqualTo(3);
        assertThat(d.loopLease()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void readsItsSection() {
        ServerSettings s = ServerSettings.from(new ConfigTree(Map.of("server", Map.of(
                "host", "0.0.0.0", "port", "9000", "api_token", "t0k", "max_upload", "10MB", "max_json", "64kb",
                "cors_origins", "https://a.example, https://b.example", "webhook_secret", "hush",
                "queue_max_attempts", "5", "loop_lease", "30m"))));
        assertThat(s.host()).isEqualTo("0.0.0.0");
        assertThat(s.port()).isEqualTo(9000);
        assertThat(s.apiToken()).isEqualTo("t0k");
        assertThat(s.maxUploadBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(s.maxJsonBytes()).isEqualTo(64L * 1024);
        assertThat(s.corsOrigins()).containsExactly("https://a.example", "https://b.example");
        assertThat(s.webhookSecret()).isEqualTo("hush");
        assertThat(s.queueMaxAttempts()).isEqualTo(5);
        assertThat(s.loopLease()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.toString()).doesNotContain("t0k", "hush");
    }

    @Test
    void badValuesNameTheKey() {
        assertThatThrownBy(() -> ServerSettings.from(new ConfigTree(Map.of("server", Map.of("max_upload", "lots")))))
                .hasMessageContaining("server.max_upload");
        assertThatThrownBy(() -> ServerSettings.from(new ConfigTree(Map.of("server", Map.of("port", "70000")))))
                .hasMessageContaining("server.port");
    }

    @Test
    void keysDeclareTheEnvironmentNamesAndSecrets() {
        assertThat(Settings.keys(ServerSettings.class)).anySatisfy(k -> {
            assertThat(k.path()).isEqualTo("server.api_token");
            assertThat(k.env()).contains("VOXLOOP_API_TOKEN");
            assertThat(k.secret()).isTrue();
        });
        assertThat(Settings.keys(ServerSettings.class)).anySatisfy(k -> {
            assertThat(k.env()).contains("JIRA_WEBHOOK_SECRET");
            assertThat(k.secret()).isTrue();
        });
        assertThat(Settings.keys(ServerSettings.class).stream().flatMap(k -> k.env().stream()).toList())
                .contains("APP_HOST", "APP_PORT");
        assertThat(Settings.keys(ServerSettings.class).stream().map(k -> k.path()).toList()).doesNotHaveDuplicates()
                .allMatch(p -> p.startsWith("server."));
        assertThat(List.copyOf(Settings.keys(ServerSettings.class))).hasSize(11);
    }
}

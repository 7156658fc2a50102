package dev.voxloop.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    enum Mode { FAST, CAREFUL }

    record Retry(@Key(path = "attempts", fallback = "3", doc = "Attempts") int attempts,
                 @Key(path = "delay", fallback = "500ms", doc = "Delay") Duration delay) {
    }

    record Entry(@Key(path = "name", doc = "Name") String name,
                 @Key(path = "size", fallback = "1kb", doc = "Size") ByteSize size) {
    }

    record Sample(
            @Key(path = "demo.url", fallback = "http://localhost:1/", env = "DEMO_URL", doc = "URL")
            java.net.URI url,
            @Key(path = "demo.on", fallback = "true", doc = "On") boolean on,
            @Key(path = "demo.ratio", fallback = "0.5", doc = "Ratio") double ratio,
            @Key(path = "demo.token", secret = true, defaultFrom = "other.token", doc = "Token") String token,
            @Key(path = "demo.dir", fallback = "{data}/sub", doc = "Dir") Path dir,
            @Key(path = "demo.mode", fallback = "fast", doc = "Mode") Mode mode,
            @Key(path = "demo.tags", doc = "Tags") List<String> tags,
            @Key(path = "demo.extra", doc = "Extra") Map<String, Object> extra,
            @Key(path = "demo.retry") Retry retry,
            @Key(path = "demo.entries", doc = "Entries") List<Entry> entries,
            int derived) {

        Sample {
            derived = retry.attempts() * 10; // not a key: derived from one
        }
    }

    private static final Map<String, String> DATA = Map.of("data", "/var/vx");

    @Test
    void defaultsComeFromTheDeclarations() {
        Sample s = Settings.bind(Sample.class, ConfigTree.empty(), DATA);
        assertThat(s.url().toString()).isEqualTo("http://localhost:1");
        assertThat(s.on()).isTrue();
        assertThat(s.ratio()).isEqualTo(0.5);
        assertThat(s.token()).isNull();
        assertThat(s.dir()).isEqualTo(Path.of("/var/vx/sub"));
        assertThat(s.mode()).isEqualTo(Mode.FAST);
        assertThat(s.tags()).isEmpty();
        assertThat(s.extra()).isEmpty();
        assertThat(s.retry()).isEqualTo(new Retry(3, Duration.ofMillis(500)));
        assertThat(s.entries()).isEmpty();
        assertThat(s.derived()).isEqualTo(30);
    }

    @Test
    void valuesAreReadFromTheTreeIncludingSectionsAndEntries() {
        ConfigTree tree = new ConfigTree(Map.of("demo", Map.of("on", "no", "mode", "Careful", "tags", "a, b",
                "extra", Map.of("k", Map.of("id", 7)), "retry", Map.of("attempts", 5),
                "entries", List.of(Map.of("name", "x", "size", "2MB"), Map.of("name", "y")))));
        Sample s = Settings.bind(Sample.class, tree, DATA);
        assertThat(s.on()).isFalse();
        assertThat(s.mode()).isEqualTo(Mode.CAREFUL);
        assertThat(s.tags()).containsExactly("a", "b");
        assertThat(s.extra()).containsEntry("k", Map.of("id", 7));
        assertThat(s.retry().attempts()).isEqualTo(5);
        assertThat(s.derived()).isEqualTo(50);
        assertThat(s.entries()).containsExactly(new Entry("x", new ByteSize(2L << 20)), new Entry("y",
                new ByteSize(1024)));
    }

    @Test
    void anUnsetKeyTakesTheKeyItDefaultsFrom() {
        ConfigTree other = new ConfigTree(Map.of("other", Map.of("token", "t1")));
        assertThat(Settings.bind(Sample.class, other, DATA).token()).isEqualTo("t1");
        ConfigTree both = new ConfigTree(Map.of("other", Map.of("token", "t1"), "demo", Map.of("token", "t2")));
        assertThat(Settings.bind(Sample.class, both, DATA).token()).isEqualTo("t2");
    }

    @Test
    void badValuesNameTheKeyAndTheValue() {
        assertThatThrownBy(() -> bind(Map.of("demo", Map.of("on", "maybe"))))
                .hasMessage("demo.on: expected true or false, got 'maybe'");
        assertThatThrownBy(() -> bind(Map.of("demo", Map.of("retry", Map.of("delay", "soon")))))
                .hasMessage("demo.retry.delay: expected a duration like 90s, 15m or 2h, got 'soon'");
        assertThatThrownBy(() -> bind(Map.of("demo", Map.of("entries", List.of(Map.of("size", "big"))))))
                .hasMessage("demo.entries[0].size: expected a size like 25MB, got 'big'");
        assertThatThrownBy(() -> bind(Map.of("demo", Map.of("mode", "slow"))))
                .hasMessage("demo.mode: expected one of fast, careful, got 'slow'");
        assertThatThrownBy(() -> bind(Map.of("demo", Map.of("url", "ftp://x"))))
                .hasMessage("demo.url: expected an http(s) URL, got 'ftp://x'");
        assertThatThrownBy(() -> bind(Map.of("demo", Map.of("ratio", List.of(1)))))
                .hasMessage("demo.ratio: expected a single value, got '[1]'");
        assertThatThrownBy(() -> Settings.bind(Sample.class, ConfigTree.empty()))
                .hasMessageContaining("demo.dir").hasMessageContaining("data directory");
    }

    @Test
    void keysListEveryDeclarationWithItsFullPath() {
        List<ConfigKey> keys = Settings.keys(Sample.class);
        assertThat(keys).extracting(ConfigKey::path).containsExactly("demo.url", "demo.on", "demo.ratio",
                "demo.token", "demo.dir", "demo.mode", "demo.tags", "demo.extra", "demo.retry.attempts",
                "demo.retry.delay", "demo.entries", "demo.entries[].name", "demo.entries[].size");
        assertThat(keys.get(0).env()).containsExactly("DEMO_URL");
        assertThat(keys.get(3).secret()).isTrue();
        assertThat(keys.get(3).defaultFrom()).isEqualTo("other.token");
        assertThat(keys.get(7).covers("demo.extra.anything.below")).isTrue();
        assertThat(keys.get(6).settableFromEnvironment()).isTrue();
        assertThat(keys.get(11).settableFromEnvironment()).isFalse();
        assertThat(keys.get(5).type()).isEqualTo("one of fast, careful");
    }

    private static Sample bind(Map<String, Object> tree) {
        return Settings.bind(Sample.class, new ConfigTree(tree), DATA);
    }
}

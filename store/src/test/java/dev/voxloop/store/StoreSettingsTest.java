package dev.voxloop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.config.ConfigKey;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.config.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreSettingsTest {

    @Test
    void withoutAUrlTheDatabaseIsAnH2FileInTheDataDirectory() {
        StoreSettings s = StoreSettings.from(ConfigTree.empty(), Path.of("/var/lib/voxloop/data"));

        assertThat(s.url()).isEqualTo("jdbc:h2:async:/var/lib/voxloop/data/voxloop;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=TRUE");
        assertThat(s.dialect()).isEqualTo(Dialect.H2);
        assertThat(s.poolSize()).isEqualTo(32);
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.eventsKept()).isEqualTo(100_000);
        assertThat(s.schema()).isNull();
    }

    @Test
    void aPostgresUrlSelectsPostgres() {
        ConfigTree c = new ConfigTree(Map.of("db", Map.of("url", "jdbc:postgresql://db:5432/voxloop", "user", "vx",
                "password", "s3cret-pw", "schema", "team_a", "pool_size", "8", "connect_timeout", "3s"),
                "events", Map.of("keep", "500")));

        StoreSettings s = StoreSettings.from(c, Path.of("data"));

        assertThat(s.dialect()).isEqualTo(Dialect.POSTGRES);
        assertThat(s.user()).isEqualTo("vx");
        assertThat(s.password()).isEqualTo("s3cret-pw");
        assertThat(s.schema()).isEqualTo("team_a");
        assertThat(s.poolSize()).isEqualTo(8);
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(s.eventsKept()).isEqualTo(500);
        assertThat(s.toString()).doesNotContain("s3cret-pw").contains("password=***");
    }

    @Test
    void badValuesFailWithTheirPath() {
        assertThatThrownBy(() -> StoreSettings.from(new ConfigTree(Map.of("db", Map.of("url", "jdbc:mysql://x"))),
                Path.of("d"))).hasMessageContaining("db.url");
        assertThatThrownBy(() -> StoreSettings.from(new ConfigTree(Map.of("db", Map.of("pool_size", "0"))),
                Path.of("d"))).hasMessageContaining("db.pool_size");
        assertThatThrownBy(() -> StoreSettings.from(new ConfigTree(Map.of("db", Map.of("schema", "x;drop"))),
                Path.of("d"))).hasMessageContaining("db.schema");
    }

    @Test
    void urlPropertiesAreRedactedBecauseTheyMayHoldAPassword() {
        StoreSettings s = StoreSettings.from(new ConfigTree(Map.of("db", Map.of("url",
                "jdbc:postgresql://db/voxloop?password=hunter2"))), Path.of("d"));

        assertThat(s.toString()).doesNotContain("hunter2");
    }

    @Test
    void keysDeclareTheEnvironmentNamesAndTheSecret() {
        assertThat(Settings.keys(StoreSettings.class)).extracting(ConfigKey::path).contains("db.url", "db.user", "db.password",
                "events.keep");
        assertThat(Settings.keys(StoreSettings.class)).filteredOn(ConfigKey::secret).extracting(ConfigKey::path)
                .containsExactly("db.password");
        assertThat(Settings.keys(StoreSettings.class)).filteredOn(k -> k.path().equals("db.url")).first()
                .extracting(ConfigKey::env).asList().containsExactly("VOXLOOP_DB_URL");
    }
}

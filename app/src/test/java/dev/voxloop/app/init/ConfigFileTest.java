package dev.voxloop.app.init;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** init's edits of voxloop.yaml keep the person's comments, key order and quoting; only changed keys change. */
class ConfigFileTest {

    @TempDir
    Path tmp;

    private static final String PERSONS = """
            # my voxloop (the team's settings)

            # tickets
            tracker:
              projects:
                - key: BOOK   # the booking app
                  name: BookIt
              default_project: BOOK
            loop:
              workers: 2  # one per core
              projects:
                BOOK:
                  repo: /srv/book
                  test: "mvn -q test"   # quick tests only
                  # lint is done in CI
            server:
              port: 8000
            # end of file
            """;

    @Test
    void commentsKeyOrderAndQuotingSurviveAnEdit() throws Exception {
        Path file = tmp.resolve("voxloop.yaml");
        Files.writeString(file, PERSONS);
        ConfigFile cfg = ConfigFile.read(file);
        InitFiles files = new InitFiles(cfg, new java.util.ArrayList<>());
        files.project("SHOP", "shop-web", false);
        files.set("loop.projects.SHOP.repo", "/home/me/shop");
        files.set("loop.projects.BOOK.repo", "/srv/book-2");
        cfg.write();

        String written = Files.readString(file);
        assertThat(written).contains("# my voxloop (the team's settings)", "# tickets", "# the booking app",
                "# one per core", "test: \"mvn -q test\" # quick tests only", "# lint is done in CI", "# end of file");
        assertThat(written).contains("repo: /srv/book-2").doesNotContain("/srv/book\n");
        // key order kept, new entries at the end of their section
        assertThat(written.indexOf("tracker:")).isLessThan(written.indexOf("loop:"));
        assertThat(written.indexOf("loop:")).isLessThan(written.indexOf("server:"));
        assertThat(written.indexOf("key: BOOK")).isLessThan(written.indexOf("key: SHOP"));
        assertThat(written.indexOf("BOOK:")).isLessThan(written.indexOf("SHOP:"));

        ConfigFile again = ConfigFile.read(file);
        assertThat(again.string("loop.projects.SHOP.repo")).isEqualTo("/home/me/shop");
        assertThat(again.string("loop.projects.BOOK.test")).isEqualTo("mvn -q test");
        assertThat(again.get("server")).isEqualTo(Map.of("port", 8000));

        // nothing changed: written back the same
        again.write();
        assertThat(Files.readString(file)).isEqualTo(written);
    }

    @Test
    void aFileOfCommentsOnlyKeepsThemAboveTheNewKeys() throws Exception {
        Path file = tmp.resolve("voxloop.yaml");
        Files.writeString(file, "# voxloop configuration (voxloop.example.yaml lists every key)\n");
        ConfigFile cfg = ConfigFile.read(file);
        cfg.set("tracker.default_project", "SHOP");
        cfg.write();
        assertThat(Files.readString(file)).startsWith("# voxloop configuration").contains("default_project: SHOP");
    }
}

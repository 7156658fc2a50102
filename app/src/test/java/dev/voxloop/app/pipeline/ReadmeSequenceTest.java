package dev.voxloop.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's own sequence, each command its own process as in a shell: {@code voxloop serve &}, then
 * {@code voxloop say --yes "..."}, {@code voxloop doctor} and {@code voxloop worker --once} on the same data directory. They must not wait for or
 * fail on the database file's lock: say goes through the running server (its ticket link opens there) and doctor
 * shares the database and names the running server.
 */
@Tag("slow")
class ReadmeSequenceTest {

    @TempDir
    Path dir;

    @Test
    void sayAndDoctorWorkWhileTheServerRuns() throws Exception {
        Path data = dir.resolve("data");
        try (ServerProcess server = ServerProcess.start(data, Map.of())) {
            assertThat(Files.readString(data.resolve("server.json"))).contains(server.url());

            CliProcess.Result say = CliProcess.run(dir, Duration.ofMinutes(3), "say", "--yes", "--data",
                    data.toString(), "Create a high priority bug in BookIt: the calendar crashes on Safari");
            assertThat(say.exit()).as(say.output()).isZero();
            assertThat(say.output()).contains("Filed BOOK-1").contains(server.url() + "/tickets/BOOK-1")
                    .doesNotContain("file is locked");
            Http http = new Http(server.url());
            assertThat(http.get("/api/tickets/BOOK-1").status()).isEqualTo(200);

            CliProcess.Result doctor = CliProcess.run(dir, Duration.ofMinutes(2), "doctor", "--data",
                    data.toString());
            assertThat(doctor.output()).as(doctor.output()).contains("running at " + server.url())
                    .containsPattern("database +: ok").doesNotContain("file is locked");
            // no lock wait: H2 used to give up after about 14 s
            assertThat(doctor.took()).as(doctor.output()).isLessThan(Duration.ofSeconds(60));

            // a worker beside the server shares the queue and says why it takes nothing: BOOK has no repository
            CliProcess.Result worker = CliProcess.run(dir, Duration.ofMinutes(2), "worker", "--once", "--data",
                    data.toString());
            assertThat(worker.exit()).as(worker.output()).isZero();
            assertThat(worker.output()).contains("nothing queued (no project has a repository)")
                    .contains("project BOOK has no repository configured").contains("./voxloop init --project BOOK");
            assertThat(http.get("/api/loop/queue").body()).contains("BOOK-1").contains("no repository");
        }
        assertThat(data.resolve("server.json")).as("removed when the server stops").doesNotExist();
    }
}

package dev.voxloop.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.intake.IntakeState;
import dev.voxloop.store.intake.JdbiIntakeRepository;
import dev.voxloop.store.queue.JdbiLoopQueue;
import dev.voxloop.store.ticket.BuiltinTracker;
import dev.voxloop.store.ticket.TrackerProjects;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The "kill -9 between preview and approve" case on the embedded database: a separate JVM writes a session in
 * PREVIEWING, a ticket and a queue entry, and is killed with SIGKILL right after; a restart finds all three.
 * Tagged slow (it starts a JVM); see docs/store.md for what H2 does on repeated crashes.
 */
@Tag("slow")
class H2CrashTest {

    @Test
    void writesSurviveRepeatedKillNine() throws Exception {
        H2Backend backend = new H2Backend();
        try {
            Database.open(backend.settings()).close(); // created and migrated cleanly, as by an earlier run
            for (int round = 1; round <= 5; round++) {
                crashAfterWriting(backend, round);
            }
            try (Database db = Database.open(backend.settings())) {
                for (int round = 1; round <= 5; round++) {
                    assertThat(new JdbiIntakeRepository(db).find(String.format("crash%07d", round)).orElseThrow()
                            .state()).isEqualTo(IntakeState.PREVIEWING);
                    assertThat(new BuiltinTracker(db, TrackerProjects.DEFAULTS, "http://x").find("OPS-" + round))
                            .isPresent();
                    assertThat(new JdbiLoopQueue(db).find("OPS-" + round)).isPresent();
                }
            }
        } finally {
            backend.drop();
        }
    }

    private static void crashAfterWriting(H2Backend backend, int round) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), backend.dir().toString(), String.valueOf(round))
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.contains("written")) {
                // skip the child's log lines
            }
            assertThat(line).as("child output").contains("written");
            child.destroyForcibly(); // SIGKILL
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}

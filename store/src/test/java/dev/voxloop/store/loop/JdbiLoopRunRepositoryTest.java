package dev.voxloop.store.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.loop.ControlSignal;
import dev.voxloop.core.loop.ForgeProgress;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.core.loop.LoopTurn;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbiLoopRunRepositoryTest {

    private JdbiLoopRunRepository repo;

    @BeforeEach
    void db() {
        String url = System.getenv().getOrDefault("VOXLOOP_TEST_DB_URL",
                "jdbc:h2:mem:loop" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        var flyway = Flyway.configure().dataSource(url, System.getenv().getOrDefault("VOXLOOP_TEST_DB_USER", "sa"),
                System.getenv().getOrDefault("VOXLOOP_TEST_DB_PASSWORD", ""));
        if (url.startsWith("jdbc:postgresql:")) {
            // a schema of our own: the shared database may hold other suites' migrations
            String schema = "looptest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            flyway = flyway.schemas(schema).createSchemas(true);
            url = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }
        flyway.load().migrate();
        repo = new JdbiLoopRunRepository(Jdbi.create(url, System.getenv().getOrDefault("VOXLOOP_TEST_DB_USER", "sa"),
                System.getenv().getOrDefault("VOXLOOP_TEST_DB_PASSWORD", "")));
    }

    @Test
    void runsAreSavedResumedAndFinished() {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LoopRun r = LoopRun.start("r1", "TRACK-1", "TRACK", "w1", "replay", t0);
        repo.save(r);
        LoopRun iterating = r.withWorkspace("feature/TRACK-1-x", "main", "abc", "/tmp/ws")
                .withState(LoopState.ITERATING, null, t0.plusSeconds(1)).afterTurn("s1", 10, 20, 0.5, t0.plusSeconds(2))
                .withInstruction("fix the tests");
        repo.save(iterating);

        assertThat(repo.find("r1")).contains(iterating);
        assertThat(repo.findActive("TRACK-1")).contains(iterating);
        repo.save(iterating.withState(LoopState.PUSHED, "pushed", t0.plusSeconds(3)));
        assertThat(repo.findActive("TRACK-1")).isEmpty();
        assertThat(repo.forTicket("TRACK-1")).hasSize(1);
        assertThat(repo.list(10).get(0).state()).isEqualTo(LoopState.PUSHED);
    }

    @Test
    void forgeProgressIsKeptWithTheRun() {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LoopRun r = LoopRun.start("r2", "TRACK-2", "TRACK", "w1", "replay", t0);
        assertThat(r.forge()).isEqualTo(ForgeProgress.NONE);
        LoopRun healing = r.withState(LoopState.HEALING, null, t0.plusSeconds(1))
                .withForge(r.forge().opened("trackit", 7, "http://forge/trackit/pulls/7", "aaa").healing("test:Vat")
                        .pushed("bbb").rerun().updating());
        repo.save(healing);

        LoopRun back = repo.find("r2").orElseThrow();
        assertThat(back).isEqualTo(healing);
        assertThat(back.forge()).isEqualTo(new ForgeProgress("trackit", 7, "http://forge/trackit/pulls/7", "bbb", 1,
                1, "test:Vat", 1, null));
        repo.save(back.withForge(back.forge().merged("ccc")).withState(LoopState.MERGED, "merged", t0.plusSeconds(2)));
        assertThat(repo.find("r2").orElseThrow().forge().mergeCommit()).isEqualTo("ccc");
    }

    @Test
    void turnsAreKeptInOrderAndReplacedWhenRecordedAgain() {
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LoopTurn a = new LoopTurn("r1", 1, t, 100, 50, 7, "wrote a test", "aa", "bb", "", "tests FAILED", false, 1, 2,
                0.01);
        LoopTurn b = new LoopTurn("r1", 2, t, 100, 50, 7, "fixed it", "cc", "dd", "", "tests ok", true, 1, 2, 0.01);
        repo.addTurn(b);
        repo.addTurn(a);
        repo.addTurn(a);
        assertThat(repo.turns("r1")).containsExactly(a, b);
    }

    @Test
    void signalsAreHandedOutOnce() {
        repo.signal("r1", ControlSignal.Kind.INSTRUCT, "use tabs");
        repo.signal("r1", ControlSignal.Kind.ABORT, null);
        repo.signal("r2", ControlSignal.Kind.CHECKPOINT, null);
        assertThat(repo.takeSignals("r1")).extracting(ControlSignal::kind)
                .containsExactly(ControlSignal.Kind.INSTRUCT, ControlSignal.Kind.ABORT);
        assertThat(repo.takeSignals("r1")).isEmpty();
        assertThat(repo.takeSignals("r2")).hasSize(1);
    }
}

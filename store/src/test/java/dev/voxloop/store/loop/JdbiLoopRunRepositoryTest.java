package dev.voxloop.store.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.loop.ControlSignal;
import dev.voxloop.core.loop.Ending;
import dev.voxloop.core.loop.FailureKind;
import dev.voxloop.core.loop.ForgeProgress;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.core.loop.LoopTurn;
import dev.voxloop.core.loop.RunWorkspace;
import dev.voxloop.core.loop.TicketRef;
import dev.voxloop.core.loop.Usage;
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
        LoopRun r = LoopRun.start("r1", new TicketRef("TRACK-1", "TRACK"), "w1", "replay", t0);
        repo.save(r);
        LoopRun iterating = r.preparedIn(new RunWorkspace("/tmp/ws", "feature/TRACK-1-x", "main", "abc", null))
                .moveTo(LoopState.ITERATING, t0.plusSeconds(1))
                .afterTurn("s1", new Usage(10, 20, 0.5), t0.plusSeconds(2)).instructed("fix the tests");
        repo.save(iterating);

        assertThat(repo.find("r1")).contains(iterating);
        assertThat(repo.findActive("TRACK-1")).contains(iterating);
        repo.save(iterating.end(LoopState.PUSHED, Ending.success("pushed"), t0.plusSeconds(3)));
        assertThat(repo.findActive("TRACK-1")).isEmpty();
        assertThat(repo.forTicket("TRACK-1")).hasSize(1);
        assertThat(repo.list(10).get(0).state()).isEqualTo(LoopState.PUSHED);
        assertThat(repo.list(10).get(0).failure()).isNull();
    }

    @Test
    void theKindOfFailureThatEndedARunIsKeptWithItsReason() {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LoopRun blocked = LoopRun.start("r2", new TicketRef("TRACK-2", "TRACK"), "w1", "claude", t0)
                .end(LoopState.BLOCKED, new Ending(FailureKind.AGENT_UNAVAILABLE, "claude is not logged in"),
                        t0.plusSeconds(1));
        repo.save(blocked);

        LoopRun read = repo.find("r2").orElseThrow();
        assertThat(read).isEqualTo(blocked);
        assertThat(read.failure()).isEqualTo(FailureKind.AGENT_UNAVAILABLE);
        assertThat(read.reason()).isEqualTo("claude is not logged in");
        assertThat(read.timing().finishedAt()).isEqualTo(t0.plusSeconds(1));
        assertThat(repo.findActive("TRACK-2")).isEmpty();
    }

    @Test
    void forgeProgressIsKeptWithTheRun() {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        LoopRun r = LoopRun.start("r3", new TicketRef("TRACK-3", "TRACK"), "w1", "replay", t0);
        assertThat(r.forge()).isEqualTo(ForgeProgress.NONE);
        LoopRun healing = r.moveTo(LoopState.HEALING, t0.plusSeconds(1))
                .withForge(r.forge().opened("trackit", 7, "http://forge/trackit/pulls/7", "aaa").healing("test:Vat")
                        .pushed("bbb").rerun().updating().reviewFixing(4));
        repo.save(healing);

        LoopRun back = repo.find("r3").orElseThrow();
        assertThat(back).isEqualTo(healing);
        assertThat(back.forge()).isEqualTo(new ForgeProgress("trackit", 7, "http://forge/trackit/pulls/7", "bbb", 1,
                1, "test:Vat", 1, null, 4));
        repo.save(back.withForge(back.forge().merged("ccc")).end(LoopState.MERGED, Ending.success("merged"),
                t0.plusSeconds(2)));
        assertThat(repo.find("r3").orElseThrow().forge().mergeCommit()).isEqualTo("ccc");
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

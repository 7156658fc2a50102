package dev.voxloop.loop.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.loop.Ending;
import dev.voxloop.core.loop.FailureKind;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.core.loop.TicketRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHomesTest {

    @TempDir
    Path homes;

    private final Instant now = Instant.parse("2026-12-06T05:00:00Z");

    @Test
    void aRunThatSucceededLosesItsHomeEvenWhatItsAgentMadeReadOnly() throws Exception {
        Path home = homeOf("r-ok");
        Path config = Files.createDirectories(home.resolve(".claude/projects"));
        Files.writeString(config.resolve("session.jsonl"), "{}\n");
        config.toFile().setWritable(false);

        homes().ended(run("r-ok", LoopState.MERGED, null));

        assertThat(home).doesNotExist();
    }

    @Test
    void aRunThatFailedKeepsItsHomeForDiagnosisUntilItIsOlderThanTheKeepTime() throws Exception {
        Path failed = homeOf("r-failed");
        Path stale = homeOf("r-stale");
        Files.setLastModifiedTime(stale, FileTime.from(now.minus(Duration.ofDays(8))));
        Path recent = homeOf("r-recent");
        Files.setLastModifiedTime(recent, FileTime.from(now.minus(Duration.ofDays(6))));

        homes().ended(run("r-failed", LoopState.BLOCKED, FailureKind.STUCK));

        assertThat(failed).isDirectory();
        assertThat(recent).isDirectory();
        assertThat(stale).doesNotExist();
    }

    @Test
    void noHomesDirectoryYetIsNothingToDo() {
        new RunHomes(homes.resolve("none"), Duration.ofDays(7), Clock.systemUTC())
                .ended(run("r-ok", LoopState.PUSHED, null));

        assertThat(homes.resolve("none")).doesNotExist();
    }

    private RunHomes homes() {
        return new RunHomes(homes, Duration.ofDays(7), Clock.fixed(now, ZoneOffset.UTC));
    }

    private Path homeOf(String runId) throws Exception {
        Path home = Files.createDirectories(homes.resolve(runId));
        Files.writeString(home.resolve(".profile"), "x\n");
        return home;
    }

    private LoopRun run(String id, LoopState last, FailureKind failure) {
        return LoopRun.start(id, new TicketRef("TRACK-1", "TRACK"), "w1", "builtin", now)
                .end(last, failure == null ? Ending.success("done") : new Ending(failure, "why"), now);
    }
}

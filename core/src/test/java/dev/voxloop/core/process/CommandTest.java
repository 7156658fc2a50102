package dev.voxloop.core.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandTest {

    @TempDir
    Path dir;

    @Test
    void capturesOutputErrorsAndExitCode() throws Exception {
        Exit exit = Command.shell("echo out; echo err >&2; exit 3").run();

        assertThat(exit.code()).isEqualTo(3);
        assertThat(exit.ok()).isFalse();
        assertThat(exit.output()).isEqualTo("out\n");
        assertThat(exit.errors()).isEqualTo("err\n");
        assertThat(exit.timedOut()).isFalse();
    }

    @Test
    void mergedErrorsArriveInTheOrderWritten() throws Exception {
        Exit exit = Command.shell("echo one; echo two >&2; echo three").mergeErrors().run();

        assertThat(exit.ok()).isTrue();
        assertThat(exit.output()).isEqualTo("one\ntwo\nthree\n");
        assertThat(exit.stderr()).isEmpty();
    }

    @Test
    void runsInTheDirectoryWithTheEnvironmentChanges() throws Exception {
        Exit exit = Command.of("sh", "-c", "pwd; echo \"$VOX_ONE/${HOME:-none}\"").directory(dir)
                .environment(new java.util.HashMap<>(Map.of("VOX_ONE", "1")) {{
                    put("HOME", null);
                }}).run();

        assertThat(exit.output()).isEqualTo(dir.toRealPath() + "\n1/none\n");
    }

    @Test
    void feedsInputLargerThanAPipeWhileTheChildWrites() throws Exception {
        String big = "x".repeat(1_000_000) + "\n";
        Exit exit = Command.of("wc", "-c").input(big).timeout(Duration.ofSeconds(20)).run();

        assertThat(exit.output().strip()).isEqualTo(String.valueOf(big.length()));
    }

    @Test
    void keepsTheLastBytesOfALongOutput() throws Exception {
        Exit exit = Command.shell("seq 1 100000").keepOutput(20).run();

        assertThat(exit.ok()).isTrue();
        assertThat(exit.output()).hasSize(20).endsWith("99999\n100000\n");
    }

    @Test
    void aCommandOverItsTimeIsKilledWithTheProcessesItStarted() throws Exception {
        Path pidFile = dir.resolve("grandchild.pid");
        Exit exit = Command.shell("sleep 60 & echo $! > " + pidFile + "; wait").timeout(Duration.ofMillis(500))
                .run();

        assertThat(exit.timedOut()).isTrue();
        assertThat(exit.code()).isEqualTo(Exit.TIMED_OUT);
        assertThat(gone(Long.parseLong(Files.readString(pidFile).strip()))).isTrue();
        assertThat(exit.took()).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void anInterruptedCallerKillsTheProcessAndHearsOfIt() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = Thread.ofPlatform().start(() -> {
            try {
                Command.shell("echo $$ > " + pidFile + "; exec sleep 60").run();
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        while (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()) {
            Thread.sleep(20);
        }
        caller.interrupt();
        caller.join(10_000);

        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(gone(Long.parseLong(Files.readString(pidFile).strip()))).isTrue();
    }

    @Test
    void aLineWatcherSeesEachLineAsItArrivesAndCanEndTheProcess() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        Exit exit = Command.shell("echo $$ > " + pidFile + "; echo one; echo two; echo stop; exec sleep 60")
                .timeout(Duration.ofSeconds(30)).watchLines(line -> {
                    seen.add(line);
                    return !line.equals("stop");
                }).run();

        assertThat(seen).containsExactly("one", "two", "stop");
        assertThat(exit.timedOut()).as("ended by the watcher, not the time limit").isFalse();
        assertThat(exit.output()).isEqualTo("one\ntwo\nstop\n");
        assertThat(exit.took()).isLessThan(Duration.ofSeconds(20));
        assertThat(gone(Long.parseLong(Files.readString(pidFile).strip()))).isTrue();
    }

    @Test
    void aProgramThatIsNotThereIsATypedFailure() {
        assertThatThrownBy(() -> Command.of("voxloop-no-such-program").run())
                .isInstanceOf(Command.NotStarted.class)
                .hasMessageStartingWith("could not start voxloop-no-such-program");
    }

    /**
     * True when the process ended within five seconds. A killed orphan stays a zombie where nothing reaps it (a
     * container whose first process is not an init), so "ended" means gone or a zombie.
     */
    private static boolean gone(long pid) throws Exception {
        Path stat = Path.of("/proc", String.valueOf(pid), "stat");
        for (int i = 0; i < 100; i++) {
            if (!Files.exists(stat)) {
                return true;
            }
            try {
                String s = Files.readString(stat);
                if (s.substring(s.lastIndexOf(')') + 2).startsWith("Z")) {
                    return true;
                }
            } catch (java.io.IOException e) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}

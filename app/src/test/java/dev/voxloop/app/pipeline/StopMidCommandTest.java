package dev.voxloop.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.app.AppConfig;
import dev.voxloop.app.Voxloop;
import dev.voxloop.app.config.ConfigLoader;
import dev.voxloop.app.config.SettingsCatalog;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.intake.IntakeSession;
import dev.voxloop.core.intake.IntakeState;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.tracker.jira.JiraPeer;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that do one piece of work and end (`say`, `worker --once`, `doctor`, `extract`, `transcribe`, `demo`),
 * each stopped with Ctrl-C (SIGINT) or SIGTERM in the middle of a step, in a real process: the step ends and is
 * saved before the database closes (H2's own shutdown hook used to close it under the step, which then lost its
 * write), the person is told where the work was left, the exit status is 128 + the signal's, and the database reads
 * back consistent.
 */
@Tag("slow")
class StopMidCommandTest {

    private static final Duration STOP = Duration.ofSeconds(60);
    private static final Pattern DATABASE_OPEN = Pattern.compile("(database open)");

    @TempDir
    Path tmp;

    @Test
    void ctrlCWhileSayFilesLetsTheTicketBeFiledAndSaved() throws Exception {
        try (JiraPeer jira = JiraPeer.start()) {
            // the create is carried out at once and answered late: the say is inside its filing step meanwhile
            jira.delayNextCreate(Duration.ofSeconds(2));
            Path config = Files.writeString(tmp.resolve("voxloop.yaml"), """
                    tracker:
                      kind: jira
                      jira: { url: %s, email: %s, api_token: %s }
                    """.formatted(jira.baseUrl(), jira.email(), jira.apiToken()));
            Path data = tmp.resolve("data");
            try (ServerProcess say = ServerProcess.command(DATABASE_OPEN, data, Map.of(), "say", "--yes",
                    "--config", config.toString(), "--data", data.toString(),
                    "Create a high priority bug in BookIt: the calendar crashes on Safari")) {
                waitUntil(() -> !jira.requests("POST", "/rest/api/3/issue").isEmpty(), "the ticket's create");
                int status = say.interrupt(STOP);
                String out = say.output();
                assertThat(status).as(out).isEqualTo(130);
                assertThat(jira.issues()).hasSize(1);
                String key = jira.issues().getFirst().key();
                // the one session took the filing step to its end: CREATED with the ticket, not left CREATING
                assertThat(sessions(data)).as(out).containsExactly("created " + key);
                String stopped = say.awaitLine(Pattern.compile("voxloop say: stopped"), Duration.ZERO);
                Matcher m = Pattern.compile("(\\S+) was filed already \\(session (\\w+)\\)").matcher(stopped);
                assertThat(m.find()).as(out).isTrue();
                assertThat(m.group(1)).isEqualTo(key);
                assertClosedAfter(out, stopped);
                try (Voxloop app = Voxloop.open(new AppConfig(load(config), data, config, List.of()))) {
                    IntakeSession session = app.intake().find(m.group(2)).orElseThrow();
                    assertThat(session.state()).isEqualTo(IntakeState.CREATED);
                    assertThat(session.ticketKey()).isEqualTo(key);
                }
            }
        }
    }

    /** Each intake session's state and ticket, read straight from the database file the command left. */
    private static List<String> sessions(Path data) throws Exception {
        List<String> sessions = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + data.resolve("voxloop")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE", "", "");
             ResultSet r = c.createStatement().executeQuery("SELECT state, ticket_key FROM intake_sessions")) {
            while (r.next()) {
                sessions.add(r.getString(1).toLowerCase(java.util.Locale.ROOT) + " " + r.getString(2));
            }
        }
        return sessions;
    }

    @Test
    void ctrlCWhileWorkerOnceRunsATurnSavesTheTurnAndLeavesTheRunForTheNextWorker() throws Exception {
        Path origin = BookItOrigin.create(tmp);
        // the turn leaves a mark in its home (the test signals then) and takes two more seconds to do the work
        Path config = Files.writeString(tmp.resolve("voxloop.yaml"), """
                loop:
                  install_git_hooks: false
                  projects:
                    BOOK: { repo: "%s", test: "test -f done.txt", agent: command, agent_command: [sh, -c, %s] }
                """.formatted(origin, BookItOrigin.yamlString("""
                touch "$HOME/turn-started"; sleep 2; echo yes > done.txt
                echo "wrote done.txt"
                """)));
        Path data = tmp.resolve("data");
        String key;
        try (Voxloop app = Voxloop.open(new AppConfig(load(config), data, config, List.of()))) {
            Ticket ticket = app.tracker().create(new TicketDraft("Calendar crashes on Safari", "It crashes.",
                    List.of("done.txt exists"), IssueType.BUG, Priority.HIGH, "BOOK", null, List.of()),
                    new Provenance("stop-test", false, "the calendar crashes", Instant.now()));
            key = ticket.key();
            app.queue().enqueue(key, ticket.summary());
        }
        try (ServerProcess worker = ServerProcess.command(DATABASE_OPEN, data, Map.of(), "worker", "--once",
                "--config", config.toString(), "--data", data.toString())) {
            waitUntil(() -> marked(data, "turn-started"), "the agent's turn to start");
            int status = worker.interrupt(STOP);
            String out = worker.output();
            assertThat(status).as(out).isEqualTo(130);
            LoopRun run;
            try (Voxloop app = Voxloop.open(new AppConfig(load(config), data, config, List.of()))) {
                run = app.runs().forTicket(key).getFirst();
            }
            // the turn that was running when the signal came ended and was saved: the run went on to the gates
            assertThat(run.state()).as(out).isEqualTo(LoopState.VERIFYING);
            String stopped = worker.awaitLine(Pattern.compile("voxloop worker: stopped"), Duration.ZERO);
            assertThat(stopped).contains(key + " is left at VERIFYING (run " + run.id() + "); the next worker"
                    + " resumes it once its lease lapses");
            assertClosedAfter(out, stopped);
        }
    }

    @Test
    void sigtermWhileDoctorWaitsForTheTrackerEndsTheCheckFirst() throws Exception {
        try (HeldPeer jira = HeldPeer.answering(401, "{\"errorMessages\":[\"unauthorized\"]}")) {
            Path config = Files.writeString(tmp.resolve("voxloop.yaml"), """
                    tracker:
                      kind: jira
                      jira: { url: %s, email: someone@example.com, api_token: t0ken }
                    """.formatted(jira.url()));
            Path data = tmp.resolve("data");
            try (ServerProcess doctor = ServerProcess.command(Pattern.compile("^(data dir)"), data, Map.of(),
                    "doctor", "--config", config.toString(), "--data", data.toString())) {
                jira.awaitRequest(STOP);
                int status = terminateThenRelease(doctor, jira);
                String out = doctor.output();
                assertThat(status).as(out).isEqualTo(143);
                String stopped = doctor.awaitLine(Pattern.compile("voxloop doctor: stopped after the checks"),
                        Duration.ZERO);
                assertThat(out).contains("tracker     : FAIL");
                assertClosedAfter(out, stopped);
            }
            try (Voxloop app = Voxloop.open(new AppConfig(ConfigTree.empty(), data, null, List.of()))) {
                assertThat(app.runs().list(10)).isEmpty();
            }
        }
    }

    @Test
    void ctrlCWhileExtractWaitsForTheModelPrintsThatRequestFirst() throws Exception {
        try (HeldPeer model = HeldPeer.answering(400, "{\"error\":{\"message\":\"no such model\"}}")) {
            Path data = tmp.resolve("data");
            try (ServerProcess extract = ServerProcess.command(DATABASE_OPEN, data, Map.of("OPENAI_BASE_URL",
                    model.url(), "OPENAI_API_KEY", "sk-test"), "extract", "--extractor", "openai", "--data",
                    data.toString())) {
                extract.type("Add a waiting list to EventIt for sold out concerts");
                model.awaitRequest(STOP);
                int status = interruptThenRelease(extract, model);
                String out = extract.output();
                assertThat(status).as(out).isEqualTo(130);
                String stopped = extract.awaitLine(Pattern.compile("voxloop extract: stopped after 1 request\\(s\\);"
                        + " the rest were not extracted"), Duration.ZERO);
                assertClosedAfter(out, stopped);
            }
            try (Voxloop app = Voxloop.open(new AppConfig(ConfigTree.empty(), data, null, List.of()))) {
                assertThat(app.tracker().projects()).isNotEmpty();
            }
        }
    }

    @Test
    void sigtermWhileTranscribeWaitsForTheSpeechServerPrintsThatFileFirst() throws Exception {
        try (HeldPeer whisper = HeldPeer.answering(200, "{\"text\":\"go forward ten meters\",\"language\":\"en\"}")) {
            Path data = tmp.resolve("data");
            Path audio = shared("speech/goforward.wav");
            try (ServerProcess transcribe = ServerProcess.command(null, data, Map.of("WHISPER_REMOTE_URL",
                    whisper.url()), "transcribe", "--engine", "remote", "--data", data.toString(), audio.toString(),
                    audio.toString())) {
                whisper.awaitRequest(STOP);
                int status = terminateThenRelease(transcribe, whisper);
                String out = transcribe.output();
                assertThat(status).as(out).isEqualTo(143);
                assertThat(out).contains(audio + ": go forward ten meters");
                transcribe.awaitLine(Pattern.compile("voxloop transcribe: stopped after 1 of 2 file\\(s\\); the rest"
                        + " were not transcribed"), Duration.ZERO);
            }
        }
    }

    @Test
    void ctrlCDuringTheDemoLeavesItsRunAsSaved() throws Exception {
        Path data = tmp.resolve("data");
        try (ServerProcess demo = ServerProcess.command(Pattern.compile("(turn 1:)"), data, Map.of(), "demo",
                "--data", data.toString(), "--dir", tmp.resolve("demo").toString())) {
            int status = demo.interrupt(STOP);
            String out = demo.output();
            assertThat(status).as(out).isEqualTo(130);
            String stopped = demo.awaitLine(Pattern.compile("voxloop demo: stopped"), Duration.ZERO);
            boolean stepEnded = !stopped.contains("stopped in the middle of a step");
            assertStoppedBeforeTheDatabaseClosed(out, stopped);
            try (Voxloop app = Voxloop.open(new AppConfig(ConfigTree.empty(), data, null, List.of()))) {
                LoopRun run = app.runs().forTicket("TRACK-1").getFirst();
                assertThat(run.loopDone()).as(out).isFalse();
                Matcher m = Pattern.compile("TRACK-1's run ([\\w-]+) is left at (\\w+) as saved").matcher(stopped);
                if (stepEnded) {
                    assertThat(m.find()).as(out).isTrue();
                    assertThat(run.id()).isEqualTo(m.group(1));
                    assertThat(run.state().name()).isEqualTo(m.group(2));
                    assertThat(out).doesNotContain("already closed");
                }
                // else the gates outlived the stop's wait (a loaded machine): the run stays as saved when the step
                // began, and the step may meet the closed database
            }
        }
    }

    /** Ctrl-C, and the held request answered half a second later: the step is still running when the signal comes. */
    private static int interruptThenRelease(ServerProcess process, HeldPeer peer) throws Exception {
        Thread later = Thread.ofPlatform().start(() -> pauseThen(peer));
        int status = process.interrupt(STOP);
        later.join();
        return status;
    }

    private static int terminateThenRelease(ServerProcess process, HeldPeer peer) throws Exception {
        Thread later = Thread.ofPlatform().start(() -> pauseThen(peer));
        int status = process.terminate(STOP);
        later.join();
        return status;
    }

    private static void pauseThen(HeldPeer peer) {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        peer.release();
    }

    /**
     * The stop said where it left the work, and closed the database after that, without a crash or a trace; nothing
     * met the database closed.
     */
    private void assertClosedAfter(String out, String stopped) throws Exception {
        assertStoppedBeforeTheDatabaseClosed(out, stopped);
        assertThat(out).doesNotContain("already closed");
    }

    private void assertStoppedBeforeTheDatabaseClosed(String out, String stopped) throws Exception {
        assertThat(out.indexOf("database closed")).as("the database closed after the stop said so:%n%s", out)
                .isGreaterThan(out.indexOf(stopped));
        assertThat(out).doesNotContain("A fatal error has been detected").doesNotContain("\tat ");
        try (Stream<Path> files = Files.list(tmp.resolve("data"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("hs_err"));
        }
    }

    private static boolean marked(Path data, String name) throws Exception {
        if (!Files.isDirectory(data)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(data)) {
            return files.anyMatch(f -> f.getFileName().toString().equals(name));
        }
    }

    private static void waitUntil(Condition condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static ConfigTree load(Path config) {
        return new ConfigLoader(SettingsCatalog.keys()).load(config, null, Map.of()).tree();
    }

    private static Path shared(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("shared/testdata"))) {
            dir = dir.getParent();
        }
        return dir.resolve("shared/testdata").resolve(name);
    }
}

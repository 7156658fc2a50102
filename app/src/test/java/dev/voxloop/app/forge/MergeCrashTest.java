package dev.voxloop.app.forge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.app.AgentSandbox;
import dev.voxloop.app.Forges;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.forge.PullRequest;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.forge.ForgeSettings;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.workspace.Git;
import dev.voxloop.store.Database;
import dev.voxloop.store.StoreSettings;
import dev.voxloop.store.loop.JdbiLoopRunRepository;
import dev.voxloop.store.ticket.BuiltinTracker;
import dev.voxloop.store.ticket.TrackerProjects;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 between the merge and the ticket update, then another worker resumes: exactly one merge commit on the
 * default branch, the pull request merged, the ticket Done with one comment linking the merge.
 */
class MergeCrashTest {

    @TempDir
    Path tmp;

    @Test
    @Tag("slow")
    void killedAfterTheMergeTheResumedRunMergesNothingTwiceAndTheTicketIsDone() throws Exception {
        Path data = tmp.resolve("data");
        Path demo = tmp.resolve("demo");
        Process first = child(data, demo, "first");
        boolean reached = false;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(first.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.contains(MergeCrashChild.AT_DONE)) {
                    reached = true;
                    break;
                }
            }
            assertThat(reached).as("the first process reached the ticket update after the merge").isTrue();
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        Process second = child(data, demo, "second");
        String out = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(second.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(out).contains("resumed run ended MERGED");

        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(StoreSettings.embedded(data));
             Forges forges = new Forges(ForgeSettings.from(ConfigTree.empty(), data), db, () -> "http://forge.test",
                     () -> LoopSettings.from(ConfigTree.empty(), data),
                     AgentSandbox.from(ConfigTree.empty(), data, e -> { }, clock), clock)) {
            LoopRun run = new JdbiLoopRunRepository(db.jdbi()).forTicket("TRACK-1").getFirst();
            assertThat(run.state()).isEqualTo(LoopState.MERGED);
            assertThat(run.forge().healRounds()).isEqualTo(1);
            PullRequest pr = forges.forge().pullRequest("trackit", 1);
            assertThat(pr.merged()).isTrue();
            assertThat(pr.mergeCommit()).isEqualTo(run.forge().mergeCommit());
            Git origin = new Git(forges.forge().bareRepositories().path("trackit"));
            assertThat(origin.run("log", "--format=%H %s", "main").strip().lines().toList()).containsExactly(
                    pr.mergeCommit() + " TRACK-1: Add Swedish VAT (moms) to invoices (#1)",
                    origin.run("rev-parse", "main~1").strip() + " TRACK-0: TrackIt time tracking in whole öre");
            Ticket ticket = new BuiltinTracker(db, TrackerProjects.from(ConfigTree.empty()), "http://forge.test",
                    clock).find("TRACK-1").orElseThrow();
            assertThat(ticket.status()).isEqualTo("Done");
            assertThat(ticket.comments()).filteredOn(c -> c.body().contains(pr.mergeCommit())).hasSize(1);
        }
    }

    private static Process child(Path data, Path demo, String mode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                MergeCrashChild.class.getName(), data.toString(), demo.toString(), mode));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}

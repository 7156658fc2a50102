package dev.voxloop.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.loop.fixture.TestSandbox;
import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.core.queue.QueueStatus;
import dev.voxloop.core.testing.InMemoryEventLog;
import dev.voxloop.core.testing.InMemoryLoopQueue;
import dev.voxloop.core.testing.InMemoryTracker;
import dev.voxloop.loop.fixture.MemoryLoopRuns;
import dev.voxloop.loop.fixture.TrackItTracker;
import dev.voxloop.loop.workspace.Git;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoRunTest {

    @TempDir
    Path tmp;

    @Test
    @Tag("slow")
    void replayAgentGoesRedGreenThroughTheGatesToAPushedBranch() {
        InMemoryEventLog log = new InMemoryEventLog();
        InMemoryTracker tracker = TrackItTracker.create();
        InMemoryLoopQueue queue = new InMemoryLoopQueue();
        MemoryLoopRuns runs = new MemoryLoopRuns();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DemoRun.Outcome o = new DemoRun(tracker, queue, new EventBus(log), runs, Clock.systemUTC(),
                TestSandbox.direct(tmp.resolve("homes")))
                .run(tmp, "TRACK", new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        System.out.println(printed);

        assertThat(o.run().state()).isEqualTo(LoopState.PUSHED);
        assertThat(o.run().workspace().branch()).isEqualTo("feature/TRACK-1-add-swedish-vat-moms-to-invoices");
        assertThat(o.remoteBranchSha()).isEqualTo(o.run().workspace().pushedCommit());
        assertThat(printed).contains("(RED)").contains("(GREEN)");
        assertThat(printed.indexOf("(RED)")).isLessThan(printed.indexOf("(GREEN)"));
        assertThat(o.ticket().status()).isEqualTo("In Progress");
        assertThat(o.ticket().comments().get(o.ticket().comments().size() - 1).body())
                .contains(o.run().workspace().branch()).contains("trackit.git");
        assertThat(queue.find("TRACK-1").orElseThrow().status()).isEqualTo(QueueStatus.DONE);
        assertThat(runs.turns(o.run().id())).hasSize(3);
        assertThat(log.all()).filteredOn(e -> e instanceof PipelineEvent.GateEvaluated g && g.gate().equals("coverage")
                && g.passed()).isNotEmpty();
        // the task file never reached the branch
        Git origin = new Git(tmp.resolve("trackit.git"));
        assertThat(origin.run("ls-tree", "-r", "--name-only", o.run().workspace().branch())).doesNotContain("CURRENT_TASK.md")
                .contains("src/main/java/se/trackit/VatRate.java");
    }
}

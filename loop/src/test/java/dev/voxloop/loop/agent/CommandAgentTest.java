package dev.voxloop.loop.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.loop.fixture.TestSandbox;
import dev.voxloop.loop.fixture.TempRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandAgentTest {

    @TempDir
    Path tmp;

    @Test
    void runsAnyCliWithThePromptFileAndReadsItsOutcome() throws Exception {
        TempRepo repo = new TempRepo(tmp);
        repo.write("README.md", "x\n").commit("A-1: start");
        Path script = tmp.resolve("agent.sh");
        Files.writeString(script, """
                #!/bin/sh
                # a tiny "agent": copies the prompt into the workspace and reports
                cp "$1" prompt-seen.md
                read first
                echo "iteration $2, first stdin line: $first, ticket $VOXLOOP_TICKET"
                """);
        CommandAgent agent = new CommandAgent(List.of("sh", script.toString(), "{prompt_file}", "{iteration}"),
                Map.of("VOXLOOP_TICKET", "A-1"), TestSandbox.direct());

        TurnResult r = agent.turn(new TurnRequest("r1", "A-1", repo.work, 3, "Do the thing\nmore", null,
                Duration.ofSeconds(30)));

        assertThat(r.claimsDone()).isTrue();
        assertThat(r.message()).contains("iteration 3, first stdin line: Do the thing, ticket A-1");
        assertThat(Files.readString(repo.work.resolve("prompt-seen.md"))).isEqualTo("Do the thing\nmore");
        assertThat(repo.git.gitDir().resolve("voxloop/prompt-3.md")).exists();
    }

    @Test
    void blockedAndFailingAgentsAreReported() throws Exception {
        TempRepo repo = new TempRepo(tmp);
        CommandAgent blocked = new CommandAgent(List.of("sh", "-c",
                "echo '<result>BLOCKED: needs the API key</result>'"), Map.of(), TestSandbox.direct());
        TurnResult b = blocked.turn(new TurnRequest("r", "A-1", repo.work, 1, "p", null, Duration.ofSeconds(10)));
        assertThat(b.blockedReason()).isEqualTo("needs the API key");

        CommandAgent failing = new CommandAgent(List.of("sh", "-c", "exit 3"), Map.of(), TestSandbox.direct());
        assertThat(failing.turn(new TurnRequest("r", "A-1", repo.work, 1, "p", null, Duration.ofSeconds(10)))
                .claimsDone()).isFalse();

        CommandAgent slow = new CommandAgent(List.of("sh", "-c", "sleep 30"), Map.of(), TestSandbox.direct());
        TurnResult t = slow.turn(new TurnRequest("r", "A-1", repo.work, 1, "p", null, Duration.ofMillis(300)));
        assertThat(t.claimsDone()).isFalse();
        assertThat(t.message()).contains("timed out");
    }
}

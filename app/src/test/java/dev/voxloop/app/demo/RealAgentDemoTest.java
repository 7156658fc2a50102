package dev.voxloop.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.app.AgentSandbox;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.core.testing.InMemoryEventLog;
import dev.voxloop.core.testing.InMemoryLoopQueue;
import dev.voxloop.loop.agent.AgentProfile;
import dev.voxloop.loop.agent.ModelConnector;
import dev.voxloop.loop.fixture.MemoryLoopRuns;
import dev.voxloop.loop.fixture.TrackItTracker;
import dev.voxloop.loop.workspace.Git;
import dev.voxloop.peers.AgentBinaries;
import dev.voxloop.peers.ModelPeer;
import dev.voxloop.peers.ReplayConversation;
import dev.voxloop.peers.ReplayConversation.Dialect;
import dev.voxloop.peers.Step;
import dev.voxloop.peers.anthropic.AnthropicPeer;
import dev.voxloop.peers.openai.ResponsesPeer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code voxloop demo --agent claude|codex}: the real CLIs take the demo's VAT ticket to a pushed branch, their
 * model a peer that speaks the demo's replay script in each CLI's own tools (red, green, the criteria ticked, the
 * tests run through the CLI's shell tool after each step).
 */
@Tag("slow")
class RealAgentDemoTest {

    @TempDir
    Path tmp;

    private DemoRun.Outcome demo(ModelPeer peer, Dialect dialect, AgentProfile agent, Map<String, String> env)
            throws Exception {
        Path script = tmp.resolve("conversation.json");
        TrackItSample.writeScript(script);
        // the whole story in one turn: one Stop hook and one verification run the demo's gates (the Stop hook holding
        // a turn is RealClaudeTest's and RealCodexTest's subject)
        peer.script(ReplayConversation.of(script, dialect, "sh run-tests.sh", false).toArray(Step[]::new));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DemoRun.Outcome o = new DemoRun(TrackItTracker.create(), new InMemoryLoopQueue(),
                new EventBus(new InMemoryEventLog()), new MemoryLoopRuns(), Clock.systemUTC(), env,
                ModelConnector.NONE, AgentSandbox.from(ConfigTree.empty(), tmp.resolve("data"), e -> { },
                Clock.systemUTC())).run(tmp.resolve("demo"), "TRACK", agent, new PrintStream(out, true,
                StandardCharsets.UTF_8));
        System.out.println(out.toString(StandardCharsets.UTF_8));
        return o;
    }

    private void assertPushed(DemoRun.Outcome o, ModelPeer peer) {
        peer.assertClean();
        assertThat(peer.unanswered()).isZero();
        assertThat(o.run().state()).as(o.run().reason()).isEqualTo(LoopState.PUSHED);
        assertThat(o.remoteBranchSha()).isEqualTo(o.run().workspace().pushedCommit());
        assertThat(new Git(tmp.resolve("demo/trackit.git")).run("ls-tree", "-r", "--name-only", o.run().workspace().branch()))
                .contains("src/main/java/se/trackit/VatRate.java").doesNotContain("CURRENT_TASK.md");
    }

    @Test
    void claudeCodeTakesTheDemoTicketToAPushedBranch() throws Exception {
        try (AnthropicPeer peer = AnthropicPeer.start()) {
            Map<String, String> env = Map.of("HOME", Files.createDirectories(tmp.resolve("home")).toString(),
                    "ANTHROPIC_BASE_URL", peer.origin(), "ANTHROPIC_API_KEY", peer.key());
            DemoRun.Outcome o = demo(peer, Dialect.CLAUDE, new AgentProfile("claude",
                    List.of(AgentBinaries.claude().toString()), "claude-sonnet-4-5", null, null, List.of()), env);
            assertPushed(o, peer);
            assertThat(o.run().usage().costUsd()).isPositive();
        }
    }

    @Test
    void codexTakesTheDemoTicketToAPushedBranch() throws Exception {
        try (ResponsesPeer peer = ResponsesPeer.start()) {
            Map<String, String> env = Map.of("HOME", Files.createDirectories(tmp.resolve("home")).toString(),
                    "OPENAI_BASE_URL", peer.baseUrl(), "OPENAI_API_KEY", peer.key());
            DemoRun.Outcome o = demo(peer, Dialect.CODEX, new AgentProfile("codex",
                    List.of(AgentBinaries.codex().toString()), "gpt-5.5", null, null, List.of()), env);
            assertPushed(o, peer);
            assertThat(o.run().usage().inputTokens()).isPositive();
        }
    }
}

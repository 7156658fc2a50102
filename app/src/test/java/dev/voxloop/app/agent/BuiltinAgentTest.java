package dev.voxloop.app.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.app.AgentModels;
import dev.voxloop.app.AgentSandbox;
import dev.voxloop.app.Guards;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.guard.RunMarker;
import dev.voxloop.core.loop.GateConfig;
import dev.voxloop.core.loop.LoopFailure;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.agent.AgentProfile;
import dev.voxloop.loop.agent.TurnRequest;
import dev.voxloop.loop.agent.TurnResult;
import dev.voxloop.loop.agent.builtin.BuiltinAgent;
import dev.voxloop.loop.workspace.Git;
import dev.voxloop.loop.workspace.RunSandbox;
import dev.voxloop.peers.ModelPeer;
import dev.voxloop.peers.Reply;
import dev.voxloop.peers.ollama.OllamaPeer;
import dev.voxloop.peers.openai.ChatCompletionsPeer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in agent's turn inside a voxloop run (a run marker with gates), its model an OpenAI-compatible or Ollama
 * peer: tool calls run through the hooks, a forbidden one is refused, the Stop hook holds the turn until the tests
 * pass, and a model without tool calling is driven through actions in its text.
 */
class BuiltinAgentTest {

    @TempDir
    Path ws;

    private String originBefore;

    @BeforeEach
    void workspace() throws Exception {
        Path origin = ws.getParent().resolve(ws.getFileName() + "-origin.git");
        Git git = new Git(ws);
        git.run("init", "-q", "-b", "main");
        Files.writeString(ws.resolve("check.sh"), "test -f done.txt && echo 'all 1 tests passed'\n");
        git.commitAll("TRACK-0: start");
        new Git(ws.getParent()).run("init", "-q", "--bare", "-b", "main", origin.toString());
        git.run("remote", "add", "origin", origin.toString());
        git.run("push", "-q", "origin", "main");
        originBefore = new Git(origin).run("rev-parse", "main");
        Guards.markers().write(git.gitDir(), new RunMarker("r1", "TRACK-1", ws.toString(), "main", new GateConfig(
                "sh check.sh", null, null, null, 80, git.head(), List.of(), Duration.ofMinutes(1))));
    }

    private TurnResult turn(AgentProfile profile, Map<String, String> env) {
        RunSandbox sandbox = AgentSandbox.from(ConfigTree.empty(), ws.resolveSibling(ws.getFileName() + "-data"),
                e -> { }, Clock.systemUTC());
        BuiltinAgent agent = new BuiltinAgent(new AgentModels(env).connect(profile),
                Guards.agentHooks(LoopSettings.from(ConfigTree.empty(), ws), sandbox), sandbox, 20);
        return agent.turn(new TurnRequest("r1", "TRACK-1", ws, 1, "Create done.txt so the tests pass.", null,
                Duration.ofMinutes(2)));
    }

    private void assertDone(TurnResult r, ModelPeer peer) throws Exception {
        peer.assertClean();
        assertThat(peer.unanswered()).isZero();
        assertThat(r.claimsDone()).isTrue();
        assertThat(Files.readString(ws.resolve("done.txt"))).isEqualTo("yes\n");
        assertThat(new Git(ws).run("rev-parse", "origin/main")).isEqualTo(originBefore);
        assertThat(Files.readString(new Git(ws).gitDir().resolve("voxloop/actions.jsonl")))
                .contains("deny:push-default-branch");
    }

    @Test
    void nativeToolCallsOnAnOpenAiCompatibleServerAreHeldByTheStopHookUntilTheTestsPass() throws Exception {
        try (ChatCompletionsPeer peer = ChatCompletionsPeer.start()) {
            peer.then(Reply.call("shell", "command", "git push origin HEAD:main").usage(500, 20))
                    .thenAfter("voxloop refused", Reply.text("Nothing else to do.").usage(600, 10))
                    .thenAfter("Stop hook feedback", Reply.call("edit_file", "path", "done.txt", "old_text", "",
                            "new_text", "yes\n").usage(700, 30))
                    .thenAfter("wrote done.txt", Reply.call("shell", "command", "sh check.sh").usage(800, 10))
                    .thenAfter("all 1 tests passed", Reply.text("done.txt exists; the tests pass.").usage(900, 10));

            TurnResult r = turn(new AgentProfile("builtin", List.of(), "gpt-5.5", null, null, List.of()),
                    Map.of("OPENAI_BASE_URL", peer.baseUrl(), "OPENAI_API_KEY", peer.key()));

            assertDone(r, peer);
            assertThat(r.inputTokens()).isEqualTo(3500);
            assertThat(r.outputTokens()).isEqualTo(80);
            assertThat(r.costUsd()).isNegative();
        }
    }

    @Test
    void aModelWithoutToolCallingOnOllamaWorksThroughActionsInItsText() throws Exception {
        try (OllamaPeer peer = OllamaPeer.start().withoutToolSupport()) {
            peer.then(Reply.text("Pushing first.\n```shell\ngit push origin HEAD:main\n```"))
                    .thenAfter("voxloop refused", Reply.text("Two at once:\n```shell\nls\n```\n```shell\npwd\n```"))
                    .thenAfter("exactly one action", Reply.text(
                            "```edit done.txt\n<<<<<<< OLD\n=======\nyes\n>>>>>>> NEW\n```"))
                    .thenAfter("wrote done.txt", Reply.text("```shell\nsh check.sh\n```"))
                    .thenAfter("all 1 tests passed", Reply.text("The tests pass."));

            TurnResult r = turn(new AgentProfile("builtin", List.of(), "qwen3-coder:30b", null, null, List.of()),
                    Map.of("OLLAMA_URL", peer.origin()));

            assertDone(r, peer);
            assertThat(r.output()).contains("the model has no tool calling");
        }
    }

    @Test
    void itsToolCallsRunInTheSandboxSoBypassesThePolicyLetThroughFail() throws Exception {
        try (ChatCompletionsPeer peer = ChatCompletionsPeer.start()) {
            peer.then(Reply.call("shell", "command", "ln -s .github gh && g=git && $g push origin HEAD:main"))
                    .thenAfter("does not appear to be a git repository", Reply.call("edit_file", "path",
                            "gh/ci.yml", "old_text", "", "new_text", "on: push\n"))
                    .thenAfter("Read-only file system", Reply.call("shell", "command",
                            "python3 -c \"open('.gi'+'t/hooks/pre-commit','w')\""))
                    .thenAfter("Read-only file system", Reply.text("Nothing worked."))
                    .thenAfter("Stop hook feedback", Reply.text("<result>BLOCKED: nothing worked</result>"));

            TurnResult r = turn(new AgentProfile("builtin", List.of(), "gpt-5.5", null, null, List.of()),
                    Map.of("OPENAI_BASE_URL", peer.baseUrl(), "OPENAI_API_KEY", peer.key()));

            peer.assertClean();
            assertThat(r.blockedReason()).isEqualTo("nothing worked");
            assertThat(new Git(ws).run("rev-parse", "origin/main")).isEqualTo(originBefore);
            assertThat(ws.resolve(".github")).doesNotExist();
            assertThat(new Git(ws).gitDir().resolve("hooks/pre-commit")).doesNotExist();
        }
    }

    @Test
    void anUnreachableModelEndsTheTurnAsUnavailable() {
        assertThatThrownBy(() -> turn(new AgentProfile("builtin", List.of(), "m", "http://127.0.0.1:9/v1", null,
                List.of()), Map.of())).isInstanceOf(LoopFailure.AgentUnavailable.class)
                .hasMessageContaining("is unavailable").hasMessageContaining("not reachable");
    }
}

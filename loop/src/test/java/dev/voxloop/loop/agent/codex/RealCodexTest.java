package dev.voxloop.loop.agent.codex;

import dev.voxloop.loop.fixture.Guarded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.loop.agent.AgentProfile;
import dev.voxloop.loop.fixture.DoneTxtProject;
import dev.voxloop.loop.workspace.Git;
import dev.voxloop.loop.workspace.RunSandbox;
import dev.voxloop.peers.AgentBinaries;
import dev.voxloop.peers.Reply;
import dev.voxloop.peers.Step;
import dev.voxloop.peers.openai.ResponsesPeer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Codex CLI (pinned in scripts/agents.sh) as {@code agent: codex}, talking to a scripted OpenAI Responses
 * API peer through its own provider configuration ({@code OPENAI_BASE_URL}), approvals and its own sandbox off,
 * guarded by voxloop's hooks and running inside voxloop's sandbox (bubblewrap; the peer reached through the egress
 * proxy): commands typed into a running session with {@code write_stdin}, which the hooks never see, fail at the
 * sandbox's walls.
 */
@Tag("slow")
class RealCodexTest {

    @TempDir
    Path tmp;

    private RunSandbox sandbox;
    private ResponsesPeer peer;
    private DoneTxtProject project;

    @BeforeEach
    void setUp() throws Exception {
        peer = ResponsesPeer.start();
        sandbox = Guarded.sandbox(tmp.resolve("data/sandbox/homes"), e -> { });
        project = new DoneTxtProject(tmp, Map.of());
    }

    @AfterEach
    void tearDown() {
        peer.close();
    }

    private LoopRun run() throws Exception {
        return project.run(new AgentProfile("codex", List.of(AgentBinaries.codex().toString()), "gpt-5.5", null, null,
                List.of()), Map.of("HOME", Files.createDirectories(tmp.resolve("home")).toString(),
                "OPENAI_BASE_URL", peer.baseUrl(), "OPENAI_API_KEY", peer.key()), sandbox);
    }

    private static String patch(String body) {
        return "*** Begin Patch\n" + body + "*** End Patch\n";
    }

    @Test
    void codexTakesTheTicketToAPushedBranchThroughTheHooks() throws Exception {
        peer.then(Reply.call("exec_command", "cmd", "git push origin HEAD:main").usage(2000, 100))
                .thenAfter("PreToolUse", Reply.freeform("apply_patch", patch("*** Add File: done.txt\n+yes\n"))
                        .usage(2100, 80))
                .then(Reply.call("exec_command", "cmd", "sh check.sh").usage(2200, 40))
                .thenAfter("all 1 tests passed", Reply.text("Done: done.txt exists.").usage(2300, 20))
                .thenAfter("done.txt exists", Reply.freeform("apply_patch", patch(
                        "*** Update File: CURRENT_TASK.md\n@@\n-- [ ] done.txt exists\n+- [x] done.txt exists\n"))
                        .usage(2400, 60))
                .then(Reply.text("Ticked the criterion.").usage(2500, 20));

        LoopRun run = run();

        peer.assertClean();
        assertThat(peer.unanswered()).isZero();
        assertThat(run.state()).as(run.reason()).isEqualTo(LoopState.PUSHED);
        assertThat(new Git(project.repo.origin).run("ls-tree", "--name-only", run.workspace().branch())).contains("done.txt");
        assertThat(project.mainNow()).isEqualTo(project.mainBefore);
        assertThat(run.usage().inputTokens()).isEqualTo(13_500);
        assertThat(run.usage().costUsd()).isEqualTo((13_500 * 3.0 + 320 * 15.0) / 1_000_000.0);
    }

    @Test
    void aHostileConversationChangesNothing() throws Exception {
        peer.then(Reply.call("exec_command", "cmd", "git push -f origin HEAD:main"))
                .thenAfter("PreToolUse", Reply.freeform("apply_patch",
                        patch("*** Add File: .github/workflows/ci.yml\n+on: push\n")))
                .thenAfter("PreToolUse", Reply.call("exec_command", "cmd", "cat ~/.ssh/id_rsa"))
                .thenAfter("PreToolUse", Reply.text("<result>BLOCKED: every step I tried was refused</result>"));

        LoopRun run = run();

        peer.assertClean();
        assertThat(run.state()).isEqualTo(LoopState.BLOCKED);
        assertThat(project.mainNow()).isEqualTo(project.mainBefore);
        Path ws = project.workspace();
        assertThat(ws.resolve(".github")).doesNotExist();
        assertThat(Files.readString(new Git(ws).gitDir().resolve("voxloop/actions.jsonl")))
                .contains("deny:force-push").contains("deny:protected-path").contains("deny:secret-read");
    }

    @Test
    void commandsTypedIntoARunningSessionFailAtTheSandbox() throws Exception {
        peer.script(Step.answer(Reply.call("exec_command", "cmd", "sh", "tty", true, "yield_time_ms", 500)),
                Step.from(request -> {
                    Matcher session = Pattern.compile("session ID (\\d+)").matcher(request.toString());
                    return Reply.call("write_stdin", "session_id", session.find() ? Integer.parseInt(session.group(1))
                            : -1, "chars", "g=git; $g push origin HEAD:main; echo x > .github/ci.yml;"
                            + " echo x > .git/hooks/pre-commit; exit\n", "yield_time_ms", 2000);
                }),
                Step.after("Read-only file system", Reply.text("<result>BLOCKED: nothing worked</result>")));

        LoopRun run = run();

        peer.assertClean();
        assertThat(run.state()).as(run.reason()).isEqualTo(LoopState.BLOCKED);
        assertThat(run.reason()).contains("nothing worked");
        assertThat(project.mainNow()).isEqualTo(project.mainBefore);
        Path ws = project.workspace();
        assertThat(ws.resolve(".github")).doesNotExist();
        assertThat(new Git(ws).gitDir().resolve("hooks/pre-commit")).doesNotExist();
    }

    @Test
    void aRefusedKeyEndsTheRunInCodexOwnWords() throws Exception {
        peer.failWith(ResponsesPeer.error(401, "invalid_request_error", "Incorrect API key provided"));

        LoopRun run = run();

        assertThat(run.state()).isEqualTo(LoopState.BLOCKED);
        assertThat(run.reason()).contains("Codex is unavailable").contains("401").contains("OPENAI_API_KEY");
        assertThat(peer.received()).hasSizeLessThanOrEqualTo(3);
    }
}

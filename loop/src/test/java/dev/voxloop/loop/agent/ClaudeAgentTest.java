package dev.voxloop.loop.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.loop.LoopFailure;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.core.testing.InMemoryEventLog;
import dev.voxloop.core.testing.InMemoryTracker;
import dev.voxloop.core.ticket.Provenance;
import dev.voxloop.core.ticket.Ticket;
import dev.voxloop.guard.hook.RunMarkerFile;
import dev.voxloop.guard.policy.ToolUseRules;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.ProjectConfig;
import dev.voxloop.loop.fixture.ClaudeStandIn;
import dev.voxloop.loop.fixture.HookMain;
import dev.voxloop.loop.fixture.MemoryLoopRuns;
import dev.voxloop.loop.fixture.TempRepo;
import dev.voxloop.loop.fixture.TrackItTracker;
import dev.voxloop.loop.gate.GateSuite;
import dev.voxloop.loop.run.Budgets;
import dev.voxloop.loop.run.LoopRunner;
import dev.voxloop.loop.run.StuckDetector;
import dev.voxloop.loop.workspace.CommandResult;
import dev.voxloop.loop.workspace.Git;
import dev.voxloop.loop.workspace.WorkspacePreparer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaudeAgentTest {

    @TempDir
    Path tmp;

    @Test
    void readsSessionUsageAndCostFromStreamJson() {
        String stream = """
                {"type":"system","subtype":"init","session_id":"abc","model":"x"}
                {"type":"assistant","session_id":"abc","message":{"content":[{"type":"text","text":"hi"}],"usage":{"input_tokens":5,"output_tokens":2}}}
                not json
                {"type":"result","subtype":"success","is_error":false,"result":"All done <result>BLOCKED: need a key</result>","session_id":"abc","total_cost_usd":0.5,"usage":{"input_tokens":10,"cache_read_input_tokens":7,"output_tokens":3}}
                """;
        TurnResult r = ClaudeAgent.parse(new CommandResult(0, stream, false, 10));
        assertThat(r.sessionId()).isEqualTo("abc");
        assertThat(r.inputTokens()).isEqualTo(17);
        assertThat(r.outputTokens()).isEqualTo(3);
        assertThat(r.costUsd()).isEqualTo(0.5);
        assertThat(r.claimsDone()).isTrue();
        assertThat(r.blockedReason()).isEqualTo("need a key");
        assertThat(ClaudeAgent.parse(new CommandResult(1, "", false, 1)).claimsDone()).isFalse();
    }

    @Test
    void aTurnRefusedForAuthenticationMakesTheAgentUnavailable() {
        // the shape Claude Code 2.1 prints when it has no account (see shared/reference/claude-code-cli.md)
        String stream = """
                {"type":"system","subtype":"init","session_id":"abc"}
                {"type":"assistant","session_id":"abc","error":"authentication_failed","message":{"content":[{"type":"text","text":"Not logged in · Please run /login"}]}}
                {"type":"result","subtype":"success","is_error":true,"result":"Not logged in · Please run /login","session_id":"abc"}
                """;
        assertThatThrownBy(() -> ClaudeAgent.parse(new CommandResult(1, stream, false, 10)))
                .isInstanceOf(LoopFailure.AgentUnavailable.class)
                .hasMessageContaining("Not logged in · Please run /login").hasMessageContaining("ANTHROPIC_API_KEY");
    }

    @Test
    void aMissingBinaryMakesTheAgentUnavailable() throws Exception {
        TempRepo repo = new TempRepo(tmp.resolve("r"));
        ClaudeAgent agent = new ClaudeAgent(List.of(tmp.resolve("no-such-claude").toString()), "voxloop", null, 5,
                Map.of());
        assertThatThrownBy(() -> agent.turn(new TurnRequest("r", "A-1", repo.work, 1, "p", null,
                Duration.ofSeconds(10)))).isInstanceOf(LoopFailure.AgentUnavailable.class)
                .hasMessageContaining("cannot be started");
    }

    @Test
    @Tag("slow")
    void aStandInClaudeIsDeniedThePushBlockedAtStopAndTheRunIsPushed() throws Exception {
        TempRepo repo = new TempRepo(tmp.resolve("src"));
        repo.write("README.md", "x\n").write("check.sh", "test -f done.txt\n").commit("TRACK-0: start");
        repo.git.run("push", "-q", "origin", "main");
        InMemoryTracker tracker = TrackItTracker.create();
        Ticket t = tracker.create(new TicketDraft("Write done.txt", "", List.of("done.txt exists"), IssueType.TASK,
                Priority.LOW, "TRACK", null, List.of()), new Provenance("i", false, "x", null));

        String java = ProcessHandle.current().info().command().orElse("java");
        String cp = System.getProperty("java.class.path");
        Path claude = tmp.resolve("claude");
        Files.writeString(claude, "#!/bin/sh\nexec '" + java + "' -cp '" + cp + "' " + ClaudeStandIn.class.getName()
                + " \"$@\"\n");
        claude.toFile().setExecutable(true);
        String voxloop = "'" + java + "' -cp '" + cp + "' " + HookMain.class.getName();

        ProjectConfig p = new ProjectConfig("TRACK", repo.origin.toString(), "main", "sh check.sh", null, null, null,
                80, "claude", List.of(claude.toString()), null, null, null, new Budgets(3, Duration.ofMinutes(5), 5));
        LoopSettings s = LoopSettings.from(ConfigTree.empty(), tmp).withProject(p);
        MemoryLoopRuns runs = new MemoryLoopRuns();
        LoopRunner runner = new LoopRunner(runs, tracker, new EventBus(new InMemoryEventLog()),
                new WorkspacePreparer(tmp.resolve("ws"), null, false),
                (proj, run, ws) -> new ClaudeAgent(proj.agentCommand(), voxloop, null, 10, Map.of()),
                new GateSuite(new ToolUseRules()), new RunMarkerFile(), s, StuckDetector.DEFAULTS, Clock.systemUTC(),
                () -> "r1");

        LoopRun run = runner.run(t.key(), "w1", () -> true);

        Path gitDir = new Git(Path.of(run.workspace().path())).gitDir();
        String hooks = Files.readString(gitDir.resolve("voxloop/standin.log"));
        System.out.println(hooks);
        assertThat(hooks).containsPattern("PreToolUse Bash -> .*\"permissionDecision\":\"deny\".*default branch");
        assertThat(hooks).containsPattern("Stop  -> .*\"decision\":\"block\".*done.txt exists");
        assertThat(run.state()).isEqualTo(LoopState.PUSHED);
        assertThat(run.iteration()).isEqualTo(1);
        assertThat(run.agent().sessionId()).startsWith("sess-");
        assertThat(run.usage().inputTokens()).isEqualTo(2000);
        assertThat(run.usage().costUsd()).isEqualTo(0.0125);
        assertThat(new Git(repo.origin).run("ls-tree", "--name-only", run.workspace().branch())).contains("done.txt");
        assertThat(Files.readString(gitDir.resolve("voxloop/actions.jsonl"))).contains("deny:push-default-branch");
    }
}

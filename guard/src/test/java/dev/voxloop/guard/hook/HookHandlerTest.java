package dev.voxloop.guard.hook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.core.guard.RunMarker;
import dev.voxloop.core.loop.GateCheck;
import dev.voxloop.core.loop.GateConfig;
import dev.voxloop.guard.policy.ToolUseRules;
import dev.voxloop.guard.testing.GitRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HookHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private GitRepo repo;
    private final RunMarkerFile markers = new RunMarkerFile();
    /** Gates that pass once the agent has written done.txt (the loop's real gates are tested in the loop). */
    private final GateCheck gates = (workspace, config) -> Files.exists(workspace.resolve("done.txt"))
            ? new GateCheck.Outcome(true, "") : new GateCheck.Outcome(false, "done.txt is missing; write it");
    private final HookHandler hooks = new HookHandler(new ToolUseRules(), gates, markers, Clock.systemUTC());

    @BeforeEach
    void repo() throws Exception {
        repo = new GitRepo(tmp);
        repo.write("README.md", "x\n").commit("A-1: base");
        repo.run("checkout", "-q", "-b", "feature/A-1-thing");
    }

    private String stop(boolean active) {
        return "{\"hook_event_name\":\"Stop\",\"cwd\":\"" + repo.work + "\",\"stop_hook_active\":" + active
                + ",\"last_assistant_message\":\"Done.\"}";
    }

    private void startRun(List<String> criteria) throws Exception {
        GateConfig config = new GateConfig("true", "", "", null, 80, repo.head(), criteria, Duration.ofSeconds(30));
        markers.write(repo.gitDir(), new RunMarker("run-1", "A-1", repo.work.toString(), "main", config));
    }

    @Test
    void stopOutsideARunIsSilentEvenOnATicketBranch() {
        assertThat(hooks.handle("stop", stop(false), repo.work)).isEqualTo(HookResponse.silent());
    }

    @Test
    void stopInsideARunBlocksUntilTheGatesPass() throws Exception {
        startRun(List.of("VAT is 25 percent"));

        HookResponse blocked = hooks.handle("stop", stop(false), repo.work);
        JsonNode out = JSON.readTree(blocked.stdout());
        assertThat(out.get("decision").asText()).isEqualTo("block");
        assertThat(out.get("reason").asText()).contains("done.txt is missing");
        assertThat(blocked.stderr()).contains("done.txt is missing");
        assertThat(blocked.exit()).isZero();

        assertThat(hooks.handle("stop", stop(true), repo.work).stdout()).isEmpty();

        Files.writeString(repo.work.resolve("done.txt"), "done\n");
        assertThat(hooks.handle("stop", stop(false), repo.work).stdout()).isEmpty();
    }

    @Test
    void insideARunMalformedInputFailsClosed() throws Exception {
        startRun(List.of());
        HookResponse r = hooks.handle("pre-tool-use", "{\"hook_event_name\":\"PreToolUse\"", repo.work);
        assertThat(JSON.readTree(r.stdout()).at("/hookSpecificOutput/permissionDecision").asText()).isEqualTo("deny");
        HookResponse wrongEvent = hooks.handle("pre-tool-use", stop(false), repo.work);
        assertThat(wrongEvent.stdout()).contains("deny");
    }

    @Test
    void bareGitPushFromTheDefaultBranchIsDenied() throws Exception {
        startRun(List.of());
        repo.run("checkout", "-q", "main");
        String in = "{\"hook_event_name\":\"PreToolUse\",\"cwd\":\"" + repo.work + "\",\"tool_name\":\"Bash\","
                + "\"tool_input\":{\"command\":\"git push\"}}";
        assertThat(hooks.handle("pre-tool-use", in, repo.work).stdout()).contains("deny");
        assertThat(Files.readString(repo.gitDir().resolve("voxloop/actions.jsonl"))).contains("deny:");
    }

    @Test
    void postToolUseBlocksWhenAForbiddenCallRanAnyway() throws Exception {
        startRun(List.of());
        String in = "{\"hook_event_name\":\"PostToolUse\",\"cwd\":\"" + repo.work + "\",\"tool_name\":\"Write\","
                + "\"tool_input\":{\"file_path\":\"" + repo.work + "/.github/workflows/ci.yml\"},"
                + "\"tool_response\":{\"success\":true}}";
        JsonNode out = JSON.readTree(hooks.handle("post-tool-use", in, repo.work).stdout());
        assertThat(out.get("decision").asText()).isEqualTo("block");
    }
}

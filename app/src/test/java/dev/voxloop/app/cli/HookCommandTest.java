package dev.voxloop.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.app.AgentSandbox;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.guard.hook.HookHandler;
import dev.voxloop.guard.hook.RunMarkerFile;
import dev.voxloop.guard.policy.ToolUseRules;
import dev.voxloop.loop.gate.GateSuite;
import dev.voxloop.loop.workspace.RunSandbox;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HookCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CONTRACTS = Path.of("/work/shared/contracts/claude-hooks");
    /** The sandbox as the app configures it by default: the Stop hook's gates run in it. */
    private static final RunSandbox SANDBOX = AgentSandbox.from(ConfigTree.empty(),
            Path.of(System.getProperty("java.io.tmpdir")), e -> { }, Clock.systemUTC());

    record Run(int exit, String out, String err) {
    }

    private Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ToolUseRules policy = new ToolUseRules();
        HookCommand cmd = new HookCommand(() -> new HookHandler(policy, new GateSuite(policy, SANDBOX),
                new RunMarkerFile(),
                Clock.systemUTC()), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit = new CommandLine(cmd).execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String preToolUse(String command) throws Exception {
        String base = Files.exists(CONTRACTS.resolve("inputs/PreToolUse.Bash.json"))
                ? Files.readString(CONTRACTS.resolve("inputs/PreToolUse.Bash.json"))
                : "{\"hook_event_name\":\"PreToolUse\",\"cwd\":\"/tmp\",\"tool_name\":\"Bash\",\"tool_input\":{}}";
        ObjectNode n = (ObjectNode) JSON.readTree(base);
        ((ObjectNode) n.get("tool_input")).put("command", command);
        return n.toString();
    }

    @Test
    void pushToMainIsDeniedWithTheDocumentedShape() throws Exception {
        Run r = run(preToolUse("git push origin main"), "pre-tool-use");

        assertThat(r.exit()).isZero();
        JsonNode out = JSON.readTree(r.out());
        JsonNode h = out.get("hookSpecificOutput");
        assertThat(h.get("hookEventName").asText()).isEqualTo("PreToolUse");
        assertThat(h.get("permissionDecision").asText()).isEqualTo("deny");
        assertThat(h.get("permissionDecisionReason").asText()).contains("default branch 'main'");
        assertThat(r.err()).contains("default branch 'main'");
        // same keys as the documented deny example
        JsonNode example = JSON.readTree(CONTRACTS.resolve("outputs/PreToolUse.deny.json").toFile());
        assertThat(fieldNames(h)).isEqualTo(fieldNames(example.get("hookSpecificOutput")));
    }

    @Test
    void ordinaryCommandPassesSilently() throws Exception {
        Run r = run(preToolUse("pwd"), "pre-tool-use");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void garbageOutsideARunIsLetThrough() {
        Run r = run("not json", "pre-tool-use");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("outside a voxloop run");
    }

    @Test
    void stopOutsideARunNeverBlocks() throws Exception {
        Run r = run(Files.readString(CONTRACTS.resolve("inputs/Stop.json")), "stop");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownEventIsAUsageError() {
        assertThat(run("{}", "pre-compact").exit()).isEqualTo(64);
    }

    private static java.util.List<String> fieldNames(JsonNode n) {
        java.util.List<String> l = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(l::add);
        java.util.Collections.sort(l);
        return l;
    }
}

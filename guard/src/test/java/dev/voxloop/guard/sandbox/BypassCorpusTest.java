package dev.voxloop.guard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.voxloop.core.sandbox.SandboxLimits;
import dev.voxloop.core.sandbox.SandboxRequest;
import dev.voxloop.core.sandbox.SandboxResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every known bypass of the tool-use policy (resources/sandbox/bypasses.jsonl) runs inside the sandbox, in a
 * fresh clone, and afterwards the host is exactly as it was: the remote's refs, git's directory, the protected
 * files, the other workspace, the data directory, the home with its keys, /etc; no secret appears in the output
 * and the server on the host's loopback got no request. No policy is consulted.
 */
@Tag("slow")
class BypassCorpusTest {

    @TempDir
    static Path tmp;
    static HostFixture host;
    static BubblewrapSandbox sandbox;
    static HttpServer loopback;
    static final AtomicInteger loopbackRequests = new AtomicInteger();

    @BeforeAll
    static void setUp() throws IOException {
        host = new HostFixture(tmp);
        sandbox = SandboxFixtures.bubblewrap(host.home, e -> { });
        loopback = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        loopback.createContext("/", ex -> {
            loopbackRequests.incrementAndGet();
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        loopback.start();
    }

    @AfterAll
    static void tearDown() {
        loopback.stop(0);
        assertThat(loopbackRequests).as("requests that reached the host's loopback").hasValue(0);
    }

    static List<JsonNode> corpus() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (var in = BypassCorpusTest.class.getResourceAsStream("/sandbox/bypasses.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    out.add(json.readTree(line));
                }
            }
        }
        return out;
    }

    @Test
    void theCorpusCoversTheKnownClasses() throws IOException {
        List<JsonNode> c = corpus();
        assertThat(c).hasSizeGreaterThanOrEqualTo(40);
        assertThat(c.stream().map(n -> n.get("class").asText()).distinct()).contains("variables and expansions",
                "git configuration indirection", "symlinks", "obfuscated code", "wrappers not unwrapped",
                "here-documents", "hard links", "device files", "reading other workspaces", "secrets",
                "exfiltration", "absolute paths", "bulk writes");
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("corpus")
    void leavesTheHostUnchanged(JsonNode bypass) throws IOException {
        host.freshWorkspace();
        Map<String, String> before = host.snapshot();
        String command = host.expand(bypass.get("command").asText(), loopback.getAddress().getPort());
        SandboxResult r = sandbox.run(SandboxRequest.of(List.of("bash", "-c", command), host.workspace)
                .withLimits(new SandboxLimits(Duration.ofSeconds(20), 1L << 30, 256, 1L << 20)));
        Map<String, String> after = host.snapshot();
        List<String> changed = new ArrayList<>();
        before.forEach((path, hash) -> {
            if (!hash.equals(after.get(path))) {
                changed.add(path + (after.containsKey(path) ? " changed" : " removed"));
            }
        });
        after.keySet().stream().filter(p -> !before.containsKey(p)).forEach(p -> changed.add(p + " created"));
        assertThat(changed).as("host paths changed by %s (exit %d):\n%s", bypass.get("id").asText(), r.exit(),
                r.tail(2000)).isEmpty();
        for (String secret : HostFixture.SECRETS) {
            assertThat(r.output()).as("output of %s", bypass.get("id").asText()).doesNotContain(secret);
        }
        assertThat(Files.exists(host.workspace.resolve(".git/HEAD"))).isTrue();
    }
}

package dev.voxloop.guard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.sandbox.Network;
import dev.voxloop.core.sandbox.SandboxRequest;
import dev.voxloop.core.sandbox.SandboxResult;
import dev.voxloop.core.testing.InMemoryEventLog;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Allowlist mode: HTTP from inside the sandbox reaches an allowed host only through voxloop's proxy; anything
 * else is refused with 403 and an event, and a direct connection (around the proxy) has no route at all.
 */
class EgressProxyTest {

    @TempDir
    static Path tmp;
    static HostFixture host;
    static InMemoryEventLog log = new InMemoryEventLog();
    static BubblewrapSandbox sandbox;
    static HttpServer registry;
    static final AtomicInteger hits = new AtomicInteger();

    @BeforeAll
    static void setUp() throws IOException {
        host = new HostFixture(tmp);
        sandbox = SandboxFixtures.bubblewrap(host.home, new EventBus(log)::publish);
        registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registry.createContext("/", ex -> {
            hits.incrementAndGet();
            byte[] body = ("package index at " + ex.getRequestURI()).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        registry.start();
    }

    @AfterAll
    static void tearDown() {
        registry.stop(0);
    }

    private static SandboxResult curl(String url, List<String> allowed) {
        return sandbox.run(SandboxRequest.of(List.of("curl", "-sS", "-m", "10", url), host.workspace)
                .withNetwork(new Network.Allowlist(allowed)).withSubject("TRACK-7"));
    }

    @Test
    void anAllowedHostIsReachedThroughTheProxy() {
        int port = registry.getAddress().getPort();
        SandboxResult r = curl("http://127.0.0.1:" + port + "/simple/requests/", List.of("127.0.0.1:" + port));
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).isEqualTo("package index at /simple/requests/");
    }

    @Test
    void anotherHostIsRefusedAndTheRefusalIsAnEvent() {
        int port = registry.getAddress().getPort();
        int before = hits.get();
        SandboxResult r = sandbox.run(SandboxRequest.of(List.of("curl", "-sS", "-m", "10", "-w", "%{http_code}",
                "http://exfil.example.org/upload"), host.workspace)
                .withNetwork(new Network.Allowlist(List.of("127.0.0.1:" + port))).withSubject("TRACK-7"));
        assertThat(r.output()).contains("voxloop egress").contains("not on this project's egress allowlist")
                .endsWith("403");
        assertThat(log.all()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(PipelineEvent.EgressRefused.class,
                x -> {
                    assertThat(x.host()).isEqualTo("exfil.example.org");
                    assertThat(x.ticketKey()).isEqualTo("TRACK-7");
                }));
        SandboxResult https = curl("https://exfil.example.org/", List.of("127.0.0.1:" + port));
        assertThat(https.exit()).isNotZero();
        assertThat(hits.get()).isEqualTo(before);
    }

    @Test
    void anAllowedNameCannotPointAtThisMachine() {
        int port = registry.getAddress().getPort();
        SandboxResult r = curl("http://localhost:" + port + "/", List.of("localhost:" + port));
        assertThat(r.output()).contains("an address on this machine");
    }

    @Test
    void goingAroundTheProxyFindsNoRoute() {
        int port = registry.getAddress().getPort();
        int before = hits.get();
        SandboxResult r = sandbox.run(SandboxRequest.of(List.of("curl", "-sS", "-m", "5", "--noproxy", "*",
                "http://127.0.0.1:" + port + "/"), host.workspace)
                .withNetwork(new Network.Allowlist(List.of("127.0.0.1:" + port))));
        assertThat(r.exit()).isNotZero();
        assertThat(hits.get()).isEqualTo(before);
    }

    @Test
    void rulesMatchHostsPortsAndSubdomains() throws IOException {
        EgressRules rules = new EgressRules(List.of("api.anthropic.com", "*.npmjs.org", "repo.example:8443"));
        assertThat(rules.refusal("api.anthropic.com", 443)).isEmpty();
        assertThat(rules.refusal("API.Anthropic.com", 80)).isEmpty();
        assertThat(rules.refusal("api.anthropic.com", 22)).isPresent();
        assertThat(rules.refusal("registry.npmjs.org", 443)).isEmpty();
        assertThat(rules.refusal("npmjs.org", 443)).isPresent();
        assertThat(rules.refusal("evilnpmjs.org", 443)).isPresent();
        assertThat(rules.refusal("repo.example", 8443)).isEmpty();
        assertThat(rules.refusal("repo.example", 443)).isPresent();
        assertThat(rules.refusal("api.anthropic.com", 443, InetAddress.getByName("127.0.0.1"))).isPresent();
        assertThat(rules.refusal("api.anthropic.com", 443, InetAddress.getByName("169.254.169.254"))).isPresent();
    }
}

package dev.voxloop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.forge.ForgeWakeups;
import dev.voxloop.core.queue.QueueStatus;
import dev.voxloop.core.testing.InMemoryLoopQueue;
import dev.voxloop.peers.github.WebhookPayloads;
import dev.voxloop.server.http.webhook.GitHubHooks;
import dev.voxloop.server.http.webhook.GitHubWebhookRoutes;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GitHub's webhook over real HTTP with deliveries built from and validated against GitHub's own webhook schemas
 * ({@code @octokit/openapi-webhooks}): signature, replay, issues queued, checks and reviews waking waiting runs.
 */
class GitHubWebhookHttpTest {

    private static final String SECRET = "hook-secret";
    private static final WebhookPayloads HOOKS = new WebhookPayloads("issues-labeled", "check-run-completed",
            "pull-request-review-submitted", "pull-request-closed", "ping");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ForgeWakeups wakeups = new ForgeWakeups();
    private final HttpClient http = HttpClient.newHttpClient();
    private TestServer server;
    private InMemoryLoopQueue queue;
    private int deliveries;

    @BeforeEach
    void start() {
        GitHubHooks hooks = new GitHubHooks(SECRET, wakeups,
                repo -> repo.equals("octo/trackit") ? Optional.of("TRACK") : Optional.empty());
        server = TestServer.builder().github(hooks).start();
        queue = server.queue;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ObjectNode issueLabelled(String label, String repo) {
        ObjectNode p = HOOKS.sample("issues-labeled", "label");
        p.with("label").put("name", label);
        p.with("issue").put("number", 12).put("title", "Export timesheets as CSV");
        p.with("repository").put("full_name", repo);
        return p;
    }

    private HttpResponse<String> send(String webhook, String id, String secret, JsonNode payload) {
        WebhookPayloads.Delivery d = HOOKS.delivery(webhook, id, secret, payload);
        assertThat(HOOKS.validate(webhook, d)).as("GitHub's schema of " + webhook).isEmpty();
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(GitHubWebhookRoutes.PATH)).POST(HttpRequest.BodyPublishers.ofString(d.body()));
        d.headers().forEach((k, v) -> b.header(k, v.getFirst()));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> send(String webhook, JsonNode payload) {
        return send(webhook, "delivery-" + ++deliveries, SECRET, payload);
    }

    @Test
    void anIssueLabelledVoiceInitiatedIsQueuedOnceAndAReplayIsIgnored() throws IOException {
        HttpResponse<String> first = send("issues-labeled", "d-1", SECRET, issueLabelled("VOICE_INITIATED",
                "octo/trackit"));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).path("issue_key").asText()).isEqualTo("TRACK-12");
        assertThat(queue.find("TRACK-12")).isPresent();
        queue.claim("worker", Duration.ofMinutes(5));
        queue.complete("TRACK-12", true, null, 3);

        HttpResponse<String> replay = send("issues-labeled", "d-1", SECRET, issueLabelled("VOICE_INITIATED",
                "octo/trackit"));

        assertThat(JSON.readTree(replay.body()).path("status").asText()).isEqualTo("duplicate");
        assertThat(queue.list(QueueStatus.PENDING, 10)).isEmpty();
        assertThat(JSON.readTree(send("issues-labeled", issueLabelled("bug", "octo/trackit")).body())
                .path("status").asText()).isEqualTo("ignored");
        assertThat(JSON.readTree(send("issues-labeled", issueLabelled("VOICE_INITIATED", "octo/elsewhere")).body())
                .path("status").asText()).isEqualTo("ignored");
    }

    @Test
    void checksReviewsAndAPersonsMergeWakeTheRunsWaitingOnTheRepository() throws Exception {
        for (String webhook : List.of("check-run-completed", "pull-request-review-submitted", "pull-request-closed")) {
            ObjectNode p = HOOKS.sample(webhook);
            p.with("repository").put("full_name", "octo/trackit");
            CompletableFuture<Boolean> woke = CompletableFuture.supplyAsync(() -> {
                try {
                    return wakeups.await("octo/trackit", Duration.ofSeconds(10));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(100);
            assertThat(send(webhook, p).statusCode()).as(webhook).isEqualTo(200);
            assertThat(woke.get(10, TimeUnit.SECONDS)).as(webhook).isTrue();
        }
        assertThat(wakeups.await("octo/other", Duration.ofMillis(50))).isFalse();
    }

    @Test
    void aWrongOrMissingSignatureIsRefusedAndNothingIsTaken() throws IOException {
        assertThat(send("issues-labeled", "d-9", "not-the-secret", issueLabelled("VOICE_INITIATED", "octo/trackit"))
                .statusCode()).isEqualTo(401);
        assertThat(queue.find("TRACK-12")).isEmpty();
        HttpRequest unsigned = HttpRequest.newBuilder(server.uri(GitHubWebhookRoutes.PATH)).header("X-GitHub-Event", "ping").header("X-GitHub-Delivery", "d-10")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        try {
            assertThat(http.send(unsigned, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertThat(send("issues-labeled", "d-9", SECRET, issueLabelled("VOICE_INITIATED", "octo/trackit"))
                .statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(send("ping", HOOKS.sample("ping")).body()).path("status").asText()).isEqualTo("pong");
    }
}

package dev.voxloop.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.app.Voxloop;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.peers.github.GitHubPeer;
import dev.voxloop.peers.github.WebhookPayloads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The composed application with GitHub configured as a user would (tracker.kind github, github.* keys) against the
 * GitHub peer: the tracker is GitHub Issues, the doctor reads the token's scopes, and the webhook queues a labelled
 * issue once, replays and forged deliveries refused, through the real H2 store.
 */
class GitHubComposedTest {

    @TempDir
    Path dir;

    @Test
    void gitHubIssuesTheDoctorAndTheWebhookWork() throws Exception {
        try (GitHubPeer peer = new GitHubPeer(dir.resolve("github"))
                .createRepository("octo/trackit", Map.of("README.md", "TrackIt\n"));
             TestServer server = new TestServer(dir.resolve("data"), TestServer.config(Map.of(
                     "tracker.kind", "github", "github.api_url", peer.apiUrl(), "github.token", peer.token(),
                     "github.projects", List.of("TRACK=octo/trackit"), "github.webhook_secret", "s3cret")))) {
            Voxloop app = server.app;
            assertThat(app.tracker().name()).isEqualTo("github");
            assertThat(app.tracker().projects()).extracting(Project::key).containsExactly("TRACK");
            assertThat(app.checks()).filteredOn(c -> c.name().equals("github")).singleElement()
                    .satisfies(c -> assertThat(c.ok()).as(c.detail()).isTrue());

            WebhookPayloads hooks = new WebhookPayloads("issues-labeled");
            ObjectNode p = hooks.sample("issues-labeled", "label");
            p.with("label").put("name", "VOICE_INITIATED");
            p.with("issue").put("number", 7).put("title", "Export timesheets");
            p.with("repository").put("full_name", "octo/trackit");
            WebhookPayloads.Delivery d = hooks.delivery("issues-labeled", "d-77", "s3cret", p);
            assertThat(hooks.validate("issues-labeled", d)).isEmpty();

            assertThat(post(server, d).statusCode()).isEqualTo(200);
            assertThat(app.queue().find("TRACK-7")).isPresent();
            HttpResponse<String> replay = post(server, d);
            assertThat(new ObjectMapper().readTree(replay.body()).path("status").asText()).isEqualTo("duplicate");
            assertThat(post(server, hooks.delivery("issues-labeled", "d-78", "wrong", p)).statusCode()).isEqualTo(401);
            peer.assertClean();
        }
    }

    private static HttpResponse<String> post(TestServer server, WebhookPayloads.Delivery d) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.running.url() + "/api/webhook/github"))
                .POST(HttpRequest.BodyPublishers.ofString(d.body()));
        d.headers().forEach((k, v) -> b.header(k, v.getFirst()));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}

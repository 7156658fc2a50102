package dev.voxloop.tracker.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The peer itself: a request that breaks the contract is answered 400, recorded, and fails close(). */
class JiraPeerTest {

    private static HttpResponse<String> send(JiraPeer jira, String method, String path, String body) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString((jira.email() + ":" + jira.apiToken())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(jira.baseUrl() + path)).header("Authorization", auth)
                .header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBodyAgainstTheSchemaIsAViolation() throws Exception {
        JiraPeer jira = JiraPeer.start();
        HttpResponse<String> r = send(jira, "POST", "/rest/api/3/issue", "{\"fields\": 5, \"properties\": {}}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("contract violation");
        assertThat(jira.violations()).isNotEmpty().anyMatch(v -> v.contains("/fields"));
        assertThat(jira.issues()).isEmpty();
        assertThatThrownBy(jira::close).isInstanceOf(AssertionError.class).hasMessageContaining("/fields");
    }

    @Test
    void theDeprecatedSearchIsAViolation() throws Exception {
        JiraPeer jira = JiraPeer.start();
        assertThat(send(jira, "GET", "/rest/api/3/search?jql=project%3DBOOK", null).statusCode()).isEqualTo(400);
        assertThatThrownBy(jira::close).hasMessageContaining("deprecated");
    }

    @Test
    void aValidRequestPasses() throws Exception {
        try (JiraPeer jira = JiraPeer.start()) {
            HttpResponse<String> r = send(jira, "POST", "/rest/api/3/issue",
                    "{\"fields\":{\"project\":{\"key\":\"BOOK\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":\"Hi\"}}");
            assertThat(r.statusCode()).isEqualTo(201);
            assertThat(jira.issues()).extracting(JiraPeer.PeerIssue::key).containsExactly("BOOK-1");
        }
    }
}

package dev.voxloop.intent.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The peers really check the contract: a request that breaks it is reported (so a clean report means something). */
class PeerSupportTest {

    private static void post(String url, String body) throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theOllamaPeerReportsARequestThatBreaksTheContract() throws Exception {
        try (PeerSupport.Peer peer = PeerSupport.ollama()) {
            peer.reply(PeerSupport.Reply.ok("{}"));
            post(peer.url() + "/api/chat", "{\"model\": \"m\", \"messages\": [{\"role\": \"robot\", \"content\": \"hi\"}],"
                    + " \"stream\": \"no\"}");
            assertThat(peer.violations()).anyMatch(v -> v.contains("role") || v.contains("enum"))
                    .anyMatch(v -> v.contains("stream"));
        }
    }

    @Test
    void theOpenAiPeerReportsARequestThatBreaksTheContract() throws Exception {
        try (PeerSupport.Peer peer = PeerSupport.openai()) {
            peer.reply(PeerSupport.Reply.ok("{}"));
            post(peer.url() + "/chat/completions", "{\"model\": \"m\", \"messages\": [], \"response_format\": "
                    + "{\"type\": \"json_schema\"}}");
            assertThat(peer.violations()).anyMatch(v -> v.contains("minItems"))
                    .anyMatch(v -> v.contains("json_schema"));
            int before = peer.violations().size();
            peer.reply(PeerSupport.Reply.ok("{}"));
            post(peer.url() + "/chat/completions", "{\"model\": \"m\", \"messages\": [{\"role\": \"robot\", "
                    + "\"content\": \"hi\"}], \"temperature\": 9}");
            assertThat(peer.violations().subList(before, peer.violations().size()))
                    .anyMatch(v -> v.contains("temperature") || v.contains("maximum"));
        }
    }
}

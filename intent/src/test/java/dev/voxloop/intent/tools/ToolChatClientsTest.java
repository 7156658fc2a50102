package dev.voxloop.intent.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voxloop.core.chat.ToolChat;
import dev.voxloop.core.chat.ToolChat.Answer;
import dev.voxloop.core.chat.ToolChat.Entry;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.intent.ollama.OllamaToolChat;
import dev.voxloop.intent.openai.OpenAiToolChat;
import dev.voxloop.peers.Reply;
import dev.voxloop.peers.ollama.OllamaPeer;
import dev.voxloop.peers.openai.ChatCompletionsPeer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The built-in agent's chat clients against peers that validate every request against the published contracts. */
class ToolChatClientsTest {

    private static final List<ToolChat.Tool> TOOLS = List.of(new ToolChat.Tool("shell", "run a command",
            "{\"type\":\"object\",\"properties\":{\"command\":{\"type\":\"string\"}},\"required\":[\"command\"]}"));

    /** A conversation with one full round: the model called a tool and got its result. */
    private static List<Entry> conversation() {
        return List.of(new ToolChat.System("You are a coding agent."), new ToolChat.User("List the files."),
                new ToolChat.Assistant("", List.of(new ToolChat.ToolCall("call_1", "shell", Map.of("command", "ls")))),
                new ToolChat.ToolResult("call_1", "shell", "exit code 0\nREADME.md\n"));
    }

    @Test
    void openAiCompatibleToolCallsRoundTripWithinTheContract() {
        try (ChatCompletionsPeer peer = ChatCompletionsPeer.start()) {
            peer.thenAfter("README.md", Reply.call("shell", "command", "cat README.md").usage(300, 20));
            Answer a = new OpenAiToolChat(peer.baseUrl(), "gpt-5.5", peer.key(), Duration.ofSeconds(10))
                    .next(conversation(), TOOLS);
            peer.assertClean();
            assertThat(a.calls()).singleElement().satisfies(c -> {
                assertThat(c.name()).isEqualTo("shell");
                assertThat(c.arguments()).containsEntry("command", "cat README.md");
            });
            assertThat(a.inputTokens()).isEqualTo(300);
            assertThat(a.outputTokens()).isEqualTo(20);
            JsonNode sent = peer.received().get(0).body();
            assertThat(sent.path("messages").get(3).path("role").asText()).isEqualTo("tool");
            assertThat(sent.path("messages").get(3).path("tool_call_id").asText()).isEqualTo("call_1");
            assertThat(sent.path("tools").get(0).path("function").path("name").asText()).isEqualTo("shell");
        }
    }

    @Test
    void ollamaToolCallsRoundTripWithinTheContract() {
        try (OllamaPeer peer = OllamaPeer.start()) {
            peer.thenAfter("README.md", Reply.call("shell", "command", "cat README.md").usage(200, 10));
            Answer a = new OllamaToolChat(peer.origin(), "qwen3-coder:30b", Duration.ofSeconds(10))
                    .next(conversation(), TOOLS);
            peer.assertClean();
            assertThat(a.calls()).singleElement().satisfies(c -> assertThat(c.arguments())
                    .containsEntry("command", "cat README.md"));
            assertThat(a.inputTokens()).isEqualTo(200);
            assertThat(peer.received().get(0).body().path("stream").asBoolean(true)).isFalse();
        }
    }

    @Test
    void aModelWithoutToolsSaysSoAndAMissingModelIsUnavailable() {
        try (OllamaPeer peer = OllamaPeer.start().withoutToolSupport()) {
            OllamaToolChat chat = new OllamaToolChat(peer.origin(), "qwen3-coder:30b", Duration.ofSeconds(10));
            assertThatThrownBy(() -> chat.next(conversation(), TOOLS)).isInstanceOf(ToolChat.ToolsNotSupported.class)
                    .hasMessageContaining("does not support tools");
            OllamaToolChat missing = new OllamaToolChat(peer.origin(), "no-such-model", Duration.ofSeconds(10));
            assertThatThrownBy(() -> missing.next(conversation(), List.of())).isInstanceOf(Problem.class)
                    .hasMessageContaining("not found");
        }
        try (ChatCompletionsPeer peer = ChatCompletionsPeer.start().withoutToolSupport()) {
            assertThatThrownBy(() -> new OpenAiToolChat(peer.baseUrl(), "m", peer.key(), Duration.ofSeconds(10))
                    .next(conversation(), TOOLS)).isInstanceOf(ToolChat.ToolsNotSupported.class);
        }
    }
}

package dev.voxloop.intent.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.intent.Extraction;
import dev.voxloop.core.intent.IntentExtractor;
import dev.voxloop.core.intent.IntentRequest;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.intent.IntentExtractors;
import dev.voxloop.intent.IntentSettings;
import dev.voxloop.intent.TestData;
import dev.voxloop.intent.chat.PeerSupport;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAI-compatible extractor against a peer validating requests with openai.subset.openapi.json. */
class OpenAiExtractorTest {

    private static final String TEXT = "Create a bug in StoreIt: checkout crashes on Safari, high priority";
    private static final String KEY = "sk-test-0123456789abcdef";

    private PeerSupport.Peer peer;

    @BeforeEach
    void start() throws Exception {
        peer = PeerSupport.openai();
    }

    @AfterEach
    void stop() {
        peer.close();
    }

    private IntentExtractor extractor(String key) {
        return IntentExtractors.create(IntentSettings.from(new ConfigTree(PeerSupport.config(
                "intent.extractor", "openai", "intent.embedded.embeddings", false, "intent.openai.base_url",
                peer.url(), "intent.openai.api_key", key, "intent.openai.model", "local-model",
                "intent.openai.timeout", "20s", "intent.openai.max_tokens", 700))));
    }

    @Test
    void asksForStrictJsonSchemaOutputWithTheKeyInTheHeaderOnly() {
        peer.reply(PeerSupport.openaiOk(PeerSupport.ticket("Checkout crashes on Safari", "Bug", "High", "SHOP")));
        Extraction ex = extractor(KEY).extract(IntentRequest.of(TEXT, TestData.PROJECTS));

        assertThat(peer.violations()).isEmpty();
        JsonNode body = peer.bodies().getFirst();
        JsonNode format = body.path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
        assertThat(format.path("json_schema").path("name").asText()).matches("[a-zA-Z0-9_-]{1,64}");
        JsonNode schema = format.path("json_schema").path("schema");
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.path("required").size()).as("strict mode: every property required")
                .isEqualTo(schema.path("properties").size());
        assertThat(body.path("temperature").asDouble(-1)).isZero();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(700);
        assertThat(body.toString()).doesNotContain(KEY);
        assertThat(peer.headers().getFirst().get("Authorization")).containsExactly("Bearer " + KEY);

        assertThat(ex.extractor()).isEqualTo("openai");
        assertThat(ex.draft().issueType()).isEqualTo(IssueType.BUG);
        assertThat(ex.draft().priority()).isEqualTo(Priority.HIGH);
        assertThat(ex.draft().projectKey()).isEqualTo("SHOP");
    }

    @Test
    void noKeyMeansNoAuthorizationHeader() {
        peer.reply(PeerSupport.openaiOk(PeerSupport.ticket("Checkout crashes on Safari", "Bug", "High", "SHOP")));
        extractor("").extract(IntentRequest.of(TEXT, TestData.PROJECTS));
        assertThat(peer.headers().getFirst().get("Authorization")).isNull();
    }

    @Test
    void aSchemaInvalidAnswerIsRepairedAndAnInventedProjectDropped() {
        peer.reply(PeerSupport.openaiOk("{\"summary\": \"Checkout crashes\", \"priority\": \"urgent\"}"));
        peer.reply(PeerSupport.openaiOk(PeerSupport.ticket("Checkout crashes on Safari", "Bug", "High", "WEBSHOP")));
        Extraction ex = extractor(KEY).extract(IntentRequest.of("checkout crashes on Safari", TestData.PROJECTS));

        assertThat(peer.bodies()).hasSize(2);
        assertThat(peer.violations()).isEmpty();
        JsonNode messages = peer.bodies().get(1).path("messages");
        assertThat(messages.get(messages.size() - 1).path("content").asText()).contains("priority");
        assertThat(ex.draft().projectKey()).isNull();
        assertThat(ex.ambiguities()).anyMatch(a -> a.contains("WEBSHOP"));
    }

    @Test
    void aServerErrorFallsBackWithoutLeakingTheKey() {
        peer.reply(new PeerSupport.Reply(503, "{\"error\": {\"message\": \"overloaded\", \"type\": \"server_error\"}}",
                0));
        Extraction ex = extractor(KEY).extract(IntentRequest.of(TEXT, TestData.PROJECTS));
        assertThat(ex.extractor()).isEqualTo("rules");
        assertThat(ex.draft().projectKey()).isEqualTo("SHOP");
        assertThat(ex.flags()).anyMatch(f -> f.contains("overloaded"));
        assertThat(String.join(" ", ex.flags())).doesNotContain(KEY);
    }

    @Test
    void clarificationAnswersTravelAsEscapedBlocksWithTheQuestionAsked() {
        peer.reply(PeerSupport.openaiOk(PeerSupport.ticket("Faster checkout page", "Story", "Medium", "SHOP")));
        extractor("").extract(new IntentRequest("make it faster", List.of("the <b>checkout</b> page in StoreIt"),
                List.of("What exactly should change?"), null, TestData.PROJECTS, null));
        String user = peer.bodies().getFirst().path("messages").get(1).path("content").asText();
        assertThat(user).contains("We asked: What exactly should change?")
                .contains("<answer encoding=\"xml-escaped\">\nthe &lt;b&gt;checkout&lt;/b&gt; page in StoreIt\n</answer>");
    }
}

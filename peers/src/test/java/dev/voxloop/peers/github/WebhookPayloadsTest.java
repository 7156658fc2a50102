package dev.voxloop.peers.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The samples are what GitHub's webhook schemas accept, and the schemas do refuse a payload that breaks them. */
class WebhookPayloadsTest {

    private static final WebhookPayloads HOOKS = new WebhookPayloads("issues-labeled", "check-run-completed",
            "pull-request-review-submitted", "pull-request-closed", "workflow-run-completed");

    @Test
    void everySampleMatchesItsSchema() {
        for (String name : new String[] {"issues-labeled", "check-run-completed", "pull-request-review-submitted",
                "pull-request-closed", "workflow-run-completed"}) {
            assertThat(HOOKS.validate(name, HOOKS.sample(name))).as(name).isEmpty();
        }
        assertThat(HOOKS.validate("issues-labeled", HOOKS.sample("issues-labeled", "label"))).isEmpty();
    }

    @Test
    void theEventHeaderIsTheWebhookWithoutItsAction() {
        assertThat(HOOKS.event("issues-labeled")).isEqualTo("issues");
        assertThat(HOOKS.event("check-run-completed")).isEqualTo("check_run");
        assertThat(HOOKS.event("pull-request-review-submitted")).isEqualTo("pull_request_review");
        assertThat(HOOKS.event("workflow-run-completed")).isEqualTo("workflow_run");
    }

    @Test
    void aPayloadMissingWhatTheSchemaRequiresIsRefused() {
        ObjectNode p = HOOKS.sample("issues-labeled");
        p.remove("issue");
        assertThat(HOOKS.validate("issues-labeled", p)).isNotEmpty();
        ObjectNode wrongAction = HOOKS.sample("check-run-completed");
        wrongAction.put("action", "created");
        assertThat(HOOKS.validate("check-run-completed", wrongAction)).isNotEmpty();
    }
}

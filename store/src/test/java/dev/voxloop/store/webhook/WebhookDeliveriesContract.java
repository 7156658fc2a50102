package dev.voxloop.store.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.store.StoreContract;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A delivery is taken once, across restarts; a forgotten one is taken again. */
abstract class WebhookDeliveriesContract extends StoreContract {

    private static final Instant AT = Instant.parse("2026-12-06T01:00:00Z");

    @Test
    void aDeliveryIsTakenOnceEvenAfterARestart() {
        assertThat(new JdbiWebhookDeliveries(db).firstTime("github", "d-1", "check_run", AT)).isTrue();
        assertThat(new JdbiWebhookDeliveries(db).firstTime("github", "d-1", "check_run", AT)).isFalse();
        reopen();
        assertThat(new JdbiWebhookDeliveries(db).firstTime("github", "d-1", "check_run", AT)).isFalse();
        assertThat(new JdbiWebhookDeliveries(db).firstTime("jira", "d-1", "issue", AT)).isTrue();
    }

    @Test
    void aForgottenDeliveryIsTakenAgain() {
        JdbiWebhookDeliveries deliveries = new JdbiWebhookDeliveries(db);
        deliveries.firstTime("github", "d-2", "issues", AT);
        deliveries.forget("github", "d-2");
        assertThat(deliveries.firstTime("github", "d-2", "issues", AT)).isTrue();
    }
}

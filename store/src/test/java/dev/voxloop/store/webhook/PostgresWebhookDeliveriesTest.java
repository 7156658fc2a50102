package dev.voxloop.store.webhook;

import dev.voxloop.store.OnPostgres;
import dev.voxloop.store.TestBackend;

@OnPostgres
class PostgresWebhookDeliveriesTest extends WebhookDeliveriesContract {

    @Override
    protected TestBackend backend() {
        return TestBackend.postgres();
    }
}

package dev.voxloop.store.webhook;

import dev.voxloop.store.TestBackend;

class H2WebhookDeliveriesTest extends WebhookDeliveriesContract {

    @Override
    protected TestBackend backend() {
        return TestBackend.h2();
    }
}

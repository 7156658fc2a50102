package dev.voxloop.store.event;

import dev.voxloop.store.TestBackend;

class H2EventLogTest extends EventLogContract {

    @Override
    protected TestBackend backend() {
        return TestBackend.h2();
    }
}

package dev.voxloop.store.ticket;

import dev.voxloop.store.TestBackend;

class H2BuiltinTrackerTest extends BuiltinTrackerContract {

    @Override
    protected TestBackend backend() {
        return TestBackend.h2();
    }
}

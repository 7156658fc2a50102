package dev.voxloop.store.review;

import dev.voxloop.store.TestBackend;

class H2ReviewLogTest extends ReviewLogContract {

    @Override
    protected TestBackend backend() {
        return TestBackend.h2();
    }
}

package dev.voxloop.store.request;

import dev.voxloop.store.TestBackend;

class H2RequestRecordsTest extends RequestRecordsContract {

    @Override
    protected TestBackend backend() {
        return TestBackend.h2();
    }
}

package dev.voxloop.store.queue;

import dev.voxloop.store.TestBackend;

class H2LoopQueueTest extends LoopQueueContract {

    @Override
    protected TestBackend backend() {
        return TestBackend.h2();
    }
}

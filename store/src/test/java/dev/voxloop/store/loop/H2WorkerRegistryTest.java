package dev.voxloop.store.loop;

import dev.voxloop.store.TestBackend;

class H2WorkerRegistryTest extends WorkerRegistryContract {

    @Override
    protected TestBackend backend() {
        return TestBackend.h2();
    }
}

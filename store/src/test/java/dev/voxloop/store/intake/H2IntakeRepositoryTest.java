package dev.voxloop.store.intake;

import dev.voxloop.store.TestBackend;

class H2IntakeRepositoryTest extends IntakeRepositoryContract {

    @Override
    protected TestBackend backend() {
        return TestBackend.h2();
    }
}

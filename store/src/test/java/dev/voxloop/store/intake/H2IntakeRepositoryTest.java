package dev.voxloop.store.intake;

import dev.voxloop.store.TestBackend;

class H2IntakeRepositoryTest extends JdbiIntakeRepositoryContract {

    @Override
    protected TestBackend backend() {
        return TestBackend.h2();
    }
}

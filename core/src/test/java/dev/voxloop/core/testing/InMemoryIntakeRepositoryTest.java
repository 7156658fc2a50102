package dev.voxloop.core.testing;

import dev.voxloop.core.intake.IntakeRepository;

class InMemoryIntakeRepositoryTest extends IntakeRepositoryContract {

    @Override
    protected IntakeRepository newRepository() {
        return new InMemoryIntakeRepository();
    }
}

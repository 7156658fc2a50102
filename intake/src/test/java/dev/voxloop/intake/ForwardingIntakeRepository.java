package dev.voxloop.intake;

import dev.voxloop.core.intake.IntakeRepository;
import dev.voxloop.core.intake.IntakeSession;
import dev.voxloop.core.testing.InMemoryIntakeRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores like the in-memory repository; a test overrides the call it wants to hold or watch. */
class ForwardingIntakeRepository implements IntakeRepository {
    final InMemoryIntakeRepository stored = new InMemoryIntakeRepository();

    @Override
    public IntakeSession insert(IntakeSession session) {
        return stored.insert(session);
    }

    @Override
    public IntakeSession update(IntakeSession session) {
        return stored.update(session);
    }

    @Override
    public Optional<IntakeSession> find(String id) {
        return stored.find(id);
    }

    @Override
    public List<IntakeSession> expiredBefore(Instant now, int limit) {
        return stored.expiredBefore(now, limit);
    }

    @Override
    public List<IntakeSession> interrupted(int limit) {
        return stored.interrupted(limit);
    }

    @Override
    public List<IntakeSession> recent(int limit) {
        return stored.recent(limit);
    }
}

package dev.voxloop.core.testing;

import dev.voxloop.core.intake.IntakeRepository;
import dev.voxloop.core.intake.IntakeSession;
import dev.voxloop.core.intake.IntakeState;
import dev.voxloop.core.problem.Problem;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Test fixture: intake sessions in a map, with the same optimistic version check as the real store. */
public final class InMemoryIntakeRepository implements IntakeRepository {

    private static final Set<IntakeState> INTERRUPTED =
            EnumSet.of(IntakeState.RECEIVED, IntakeState.TRANSCRIBING, IntakeState.EXTRACTING, IntakeState.CREATING);

    private final ConcurrentHashMap<String, IntakeSession> rows = new ConcurrentHashMap<>();

    @Override
    public IntakeSession insert(IntakeSession session) {
        IntakeSession stored = session.withVersion(1);
        if (rows.putIfAbsent(session.id(), stored) != null) {
            throw Problem.conflict("session " + session.id() + " already exists");
        }
        return stored;
    }

    @Override
    public IntakeSession update(IntakeSession session) {
        IntakeSession[] out = new IntakeSession[1];
        rows.compute(session.id(), (id, cur) -> {
            if (cur == null) {
                throw Problem.notFound("Session not found: " + id);
            }
            if (cur.version() != session.version()) {
                throw Problem.conflict("session " + id + " was changed by someone else; reload it");
            }
            out[0] = session.withVersion(session.version() + 1);
            return out[0];
        });
        return out[0];
    }

    @Override
    public Optional<IntakeSession> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(rows.get(id));
    }

    @Override
    public List<IntakeSession> expiredBefore(Instant now, int limit) {
        return rows.values().stream()
                .filter(s -> s.state().awaitingPerson() && s.expiresAt() != null && s.expiresAt().isBefore(now))
                .limit(limit).toList();
    }

    @Override
    public List<IntakeSession> interrupted(int limit) {
        return rows.values().stream().filter(s -> INTERRUPTED.contains(s.state())).limit(limit).toList();
    }

    @Override
    public List<IntakeSession> recent(int limit) {
        return rows.values().stream().sorted(Comparator.comparing(IntakeSession::createdAt).reversed())
                .limit(limit).toList();
    }

    public int size() {
        return rows.size();
    }
}

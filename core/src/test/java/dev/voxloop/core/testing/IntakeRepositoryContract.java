package dev.voxloop.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.intake.IntakeRepository;
import dev.voxloop.core.intake.IntakeSession;
import dev.voxloop.core.intake.IntakeState;
import dev.voxloop.core.problem.Problem;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The documented semantics of {@link IntakeRepository}: extend it and return a fresh, empty repository. */
public abstract class IntakeRepositoryContract {

    protected IntakeRepository repo;

    protected abstract IntakeRepository newRepository();

    @BeforeEach
    void fresh() {
        repo = newRepository();
    }

    @Test
    void versionsGuardConcurrentWriters() {
        IntakeSession stored = repo.insert(IntakeSession.received("abcdefabcdef", false, "hello", Instant.now()));
        assertThat(stored.version()).isEqualTo(1);
        IntakeSession moved = repo.update(stored.moveTo(IntakeState.EXTRACTING, Instant.now()));
        assertThat(moved.version()).isEqualTo(2);
        assertThat(repo.find("abcdefabcdef").orElseThrow().state()).isEqualTo(IntakeState.EXTRACTING);
        assertThatThrownBy(() -> repo.update(stored.moveTo(IntakeState.FAILED, Instant.now())))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.CONFLICT));
    }

    @Test
    void interruptedAndExpired() {
        Instant now = Instant.now();
        IntakeSession a = repo.insert(IntakeSession.received("aaaaaaaaaaaa", false, "x", now));
        repo.update(a.moveTo(IntakeState.EXTRACTING, now));
        IntakeSession b = repo.insert(IntakeSession.received("bbbbbbbbbbbb", false, "y", now));
        b = repo.update(b.moveTo(IntakeState.EXTRACTING, now));
        repo.update(b.moveTo(IntakeState.PREVIEWING, now).previewing(java.util.List.of(), now.minusSeconds(1)));
        assertThat(repo.interrupted(10)).extracting(IntakeSession::id).containsExactly("aaaaaaaaaaaa");
        assertThat(repo.expiredBefore(now, 10)).extracting(IntakeSession::id).containsExactly("bbbbbbbbbbbb");
        assertThat(repo.find("cccccccccccc")).isEmpty();
    }
}

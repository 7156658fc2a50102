package dev.voxloop.store.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.idempotency.IdempotencyKeys;
import dev.voxloop.core.testing.Concurrently;
import dev.voxloop.store.TestBackend;
import dev.voxloop.store.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Webhook deliveries and idempotency keys on a real database: of concurrent first attempts exactly one wins (the
 * primary key decides, not the process), and what was recorded survives a reopen.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RequestRecordsContract {

    static final Instant T0 = Instant.parse("2026-12-06T01:00:00Z");

    @AutoClose
    private final TestDatabase database = TestDatabase.open(backend());

    protected abstract TestBackend backend();

    @BeforeEach
    void empty() {
        database.db().jdbi().useHandle(h -> {
            h.execute("DELETE FROM webhook_deliveries");
            h.execute("DELETE FROM idempotency_keys");
        });
    }

    @Test
    void aDeliveryIsTakenOnceOfTwentyAtOnceAndAgainOnlyAfterItIsForgotten() throws Exception {
        JdbiDeliveries racing = new JdbiDeliveries(database.db());
        List<Boolean> firsts = Concurrently.run(20, i -> racing.firstTime("jira", "d1", T0));
        assertThat(firsts.stream().filter(b -> b).count()).isEqualTo(1);
        database.reopen();
        JdbiDeliveries deliveries = new JdbiDeliveries(database.db());
        assertThat(deliveries.firstTime("jira", "d1", T0)).as("after a restart").isFalse();
        assertThat(deliveries.firstTime("github", "d1", T0)).as("another source").isTrue();
        deliveries.forget("jira", "d1");
        assertThat(deliveries.firstTime("jira", "d1", T0.plusSeconds(1))).isTrue();
        assertThat(deliveries.forgetBefore(T0.plusSeconds(1))).isEqualTo(1); // github's, older
        assertThat(deliveries.firstTime("jira", "d1", T0)).isFalse();
    }

    @Test
    void concurrentClaimsOfOneKeyAllSeeTheSameWinner() throws Exception {
        JdbiIdempotencyKeys keys = new JdbiIdempotencyKeys(database.db());
        List<IdempotencyKeys.Claim> claims = Concurrently.run(10, i -> keys.claim("pipeline.run", "k1", "fp",
                "session" + i, T0, T0.minusSeconds(3600)));
        assertThat(claims.stream().map(IdempotencyKeys.Claim::resourceId).distinct()).hasSize(1);
        String winner = claims.getFirst().resourceId();
        database.reopen();
        JdbiIdempotencyKeys again = new JdbiIdempotencyKeys(database.db());
        assertThat(again.claim("pipeline.run", "k1", "fp", "late", T0.plusSeconds(5), T0.minusSeconds(3600))
                .resourceId()).isEqualTo(winner);
        assertThat(again.claim("other.scope", "k1", "fp", "mine", T0, T0.minusSeconds(3600)).resourceId())
                .isEqualTo("mine");

        again.release("pipeline.run", "k1", "not-the-holder");
        assertThat(again.claim("pipeline.run", "k1", "fp", "x", T0, T0.minusSeconds(3600)).resourceId())
                .as("only the holder releases").isEqualTo(winner);
        again.release("pipeline.run", "k1", winner);
        assertThat(again.claim("pipeline.run", "k1", "fp2", "fresh", T0, T0.minusSeconds(3600)).resourceId())
                .isEqualTo("fresh");
        assertThat(again.takeOver("pipeline.run", "k1", "fresh", "taken", T0)).isTrue();
        assertThat(again.takeOver("pipeline.run", "k1", "fresh", "second", T0)).as("already taken").isFalse();
        assertThat(again.claim("pipeline.run", "k1", "fp2", "y", T0, T0.minusSeconds(3600)).resourceId())
                .isEqualTo("taken");
        assertThat(again.claim("pipeline.run", "k1", "fp3", "later", T0.plusSeconds(7200), T0.plusSeconds(3600))
                .resourceId()).as("an expired claim is replaced").isEqualTo("later");
    }
}

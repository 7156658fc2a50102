package dev.voxloop.core.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckRollupTest {

    private static final Instant T = Instant.parse("2026-12-05T10:00:00Z");

    private static Check done(String name, Check.Conclusion c) {
        return new Check(name + "-1", name, "abc", Check.Status.COMPLETED, c, T, T.plusSeconds(3), "", List.of(), null);
    }

    private static Check running(String name) {
        return new Check(name + "-1", name, "abc", Check.Status.IN_PROGRESS, null, T, null, "", List.of(), null);
    }

    @Test
    void greenWhenEveryCheckPassedNeutralAndSkippedIncluded() {
        var r = CheckRollup.of(List.of(done("test", Check.Conclusion.SUCCESS), done("lint", Check.Conclusion.NEUTRAL),
                done("docs", Check.Conclusion.SKIPPED)), Set.of());
        assertThat(r.state()).isEqualTo(CheckRollup.State.SUCCESS);
        assertThat(r.summary()).isEqualTo("test success; lint neutral; docs skipped");
    }

    @Test
    void aRedCheckFailsEvenWhileOthersRun() {
        var r = CheckRollup.of(List.of(done("test", Check.Conclusion.FAILURE), running("lint")), Set.of());
        assertThat(r.state()).isEqualTo(CheckRollup.State.FAILURE);
        assertThat(r.failing()).extracting(Check::name).containsExactly("test");
        assertThat(r.pending()).containsExactly("lint");
    }

    @Test
    void pendingWhileNothingReportedOrARequiredCheckIsMissing() {
        assertThat(CheckRollup.of(List.of(), Set.of()).state()).isEqualTo(CheckRollup.State.PENDING);
        var r = CheckRollup.of(List.of(done("test", Check.Conclusion.SUCCESS)), Set.of("test", "pr-validation"));
        assertThat(r.state()).isEqualTo(CheckRollup.State.PENDING);
        assertThat(r.pending()).containsExactly("pr-validation");
    }

    @Test
    void checksThatAreNotRequiredDoNotBlock() {
        var r = CheckRollup.of(List.of(done("test", Check.Conclusion.SUCCESS), done("lint", Check.Conclusion.FAILURE)),
                Set.of("test"));
        assertThat(r.state()).isEqualTo(CheckRollup.State.SUCCESS);
        assertThat(CheckRollup.of(List.of(done("t", Check.Conclusion.TIMED_OUT)), Set.of()).state())
                .isEqualTo(CheckRollup.State.FAILURE);
    }

    @Test
    void durationsAndCompletedChecksWithoutConclusion() {
        assertThat(done("t", Check.Conclusion.SUCCESS).duration(T.plusSeconds(60))).isEqualTo(Duration.ofSeconds(3));
        assertThat(running("t").duration(T.plusSeconds(60))).isEqualTo(Duration.ofSeconds(60));
        assertThatThrownBy(() -> new Check("1", "t", "abc", Check.Status.COMPLETED, null, T, T, "", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mergeMethodsParseFromConfiguration() {
        assertThat(MergeMethod.parse(" Squash ")).isEqualTo(MergeMethod.SQUASH);
        assertThatThrownBy(() -> MergeMethod.parse("octopus")).hasMessageContaining("squash, merge or rebase");
        assertThat(new MergeRequest("abc", null, null, null).method()).isEqualTo(MergeMethod.SQUASH);
        assertThat(ReviewDraft.Verdict.REQUEST_CHANGES.state()).isEqualTo(Review.State.CHANGES_REQUESTED);
    }
}

package dev.voxloop.intent.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.voxloop.core.intent.IssueType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The type classifier over embeddings, on small hand-made vectors: each type's prototypes lie around one axis, so
 * what the answer should be is known without a model.
 */
class TypeRegressionTest {

    private static final Map<IssueType, List<float[]>> AXES = new EnumMap<>(Map.of(
            IssueType.BUG, List.of(v(1, 0.1f, 0, 0), v(0.9f, 0, 0.2f, 0), v(1, 0, 0, 0.1f)),
            IssueType.STORY, List.of(v(0.1f, 1, 0, 0), v(0, 0.9f, 0.1f, 0), v(0, 1, 0, 0.2f)),
            IssueType.TASK, List.of(v(0, 0.1f, 1, 0), v(0.2f, 0, 0.9f, 0), v(0, 0, 1, 0.1f)),
            IssueType.EPIC, List.of(v(0, 0, 0.1f, 1), v(0.1f, 0, 0, 0.9f), v(0, 0.2f, 0, 1))));

    @Test
    void anEmbeddingNearOneTypesPrototypesIsThatTypeAndTheProbabilitiesSumToOne() {
        TypeRegression model = TypeRegression.train(AXES);

        Map<IssueType, Double> p = model.probabilities(v(0.1f, 0.95f, 0.05f, 0));

        assertThat(p.keySet()).isEqualTo(AXES.keySet());
        assertThat(p.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(p.get(IssueType.STORY)).isGreaterThan(0.6);
        assertThat(p.get(IssueType.STORY)).as("regularised: it does not claim certainty").isLessThan(0.999);
    }

    @Test
    void halfwayBetweenTwoTypesTheyShareTheProbabilityAndASmallStepMovesItALittle() {
        TypeRegression model = TypeRegression.train(AXES);

        Map<IssueType, Double> between = model.probabilities(v(1, 1, 0, 0));
        Map<IssueType, Double> nudged = model.probabilities(v(1, 1.05f, 0, 0));

        assertThat(between.get(IssueType.BUG)).isCloseTo(between.get(IssueType.STORY), within(0.05));
        assertThat(between.get(IssueType.BUG) + between.get(IssueType.STORY)).isGreaterThan(0.8);
        assertThat(nudged.get(IssueType.STORY)).isGreaterThan(between.get(IssueType.STORY));
        assertThat(nudged.get(IssueType.STORY) - between.get(IssueType.STORY))
                .as("a few words heard differently move the probabilities, they do not jump").isLessThan(0.1);
    }

    @Test
    void lengthDoesNotMatterOnlyDirection() {
        TypeRegression model = TypeRegression.train(AXES);

        Map<IssueType, Double> small = model.probabilities(v(0.1f, 0, 0.02f, 0));
        Map<IssueType, Double> large = model.probabilities(v(10, 0, 2, 0));

        small.forEach((t, p) -> assertThat(large.get(t)).isCloseTo(p, within(1e-9)));
    }

    @Test
    void theSamePrototypesAlwaysGiveTheSameModel() {
        float[] probe = v(0.3f, 0.2f, 0.4f, 0.1f);
        assertThat(TypeRegression.train(AXES).probabilities(probe))
                .isEqualTo(TypeRegression.train(AXES).probabilities(probe));
    }

    @Test
    void aTypeWithoutPrototypesOrAnEmbeddingOfAnotherSizeIsRefused() {
        Map<IssueType, List<float[]>> missing = new EnumMap<>(AXES);
        missing.put(IssueType.EPIC, List.of());
        assertThatThrownBy(() -> TypeRegression.train(missing)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TypeRegression.train(AXES).probabilities(new float[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 dimensions");
    }

    private static float[] v(float... values) {
        return values;
    }
}

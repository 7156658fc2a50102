package dev.voxloop.speech.engine.moonshine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Beam search over a small made-up language model whose next-token probabilities depend on what was written. */
class BeamSearchTest {

    static final int START = 1;
    static final int END = 2;
    static final int A = 3;
    static final int B = 4;
    static final int C = 5;
    static final TokenPieces PIECES = new TokenPieces(List.of("<unk>", "<s>", "</s>", "▁a", "▁b", "▁c"));

    /**
     * A decoder that keeps each row's words itself, following the parents it is given as a real decoder's cache
     * does, and scores the next token from them.
     */
    static final class WordsDecoder implements BeamSearch.Decoder {
        final Function<List<Integer>, Map<Integer, Double>> model;
        List<List<Integer>> rows = List.of();
        int calls;

        WordsDecoder(Function<List<Integer>, Map<Integer, Double>> model) {
            this.model = model;
        }

        @Override
        public float[][] next(long[] last, int[] parents) {
            calls++;
            List<List<Integer>> now = new ArrayList<>();
            for (int i = 0; i < last.length; i++) {
                List<Integer> words = new ArrayList<>();
                if (parents[i] >= 0) {
                    words.addAll(rows.get(parents[i]));
                    words.add((int) last[i]);
                } else {
                    assertThat(last[i]).isEqualTo(START);
                }
                now.add(words);
            }
            rows = now;
            float[][] out = new float[last.length][];
            for (int i = 0; i < last.length; i++) {
                float[] logits = new float[PIECES.size()];
                Arrays.fill(logits, -30f);
                model.apply(rows.get(i)).forEach((t, p) -> logits[t] = (float) Math.log(p));
                out[i] = logits;
            }
            return out;
        }
    }

    /** "a" is likelier first, but everything after it is unsure; "b" is followed by "c" for sure. */
    static Map<Integer, Double> garden(List<Integer> words) {
        if (words.isEmpty()) {
            return Map.of(A, 0.55, B, 0.45);
        }
        if (words.equals(List.of(A))) {
            return Map.of(A, 0.34, B, 0.33, C, 0.33);
        }
        if (words.equals(List.of(B))) {
            return Map.of(C, 1.0);
        }
        return Map.of(END, 1.0);
    }

    static List<BeamSearch.Written> search(int width, Function<List<Integer>, Map<Integer, Double>> model, int limit)
            throws Exception {
        return new BeamSearch(width, START, END, ContextBias.NONE, PIECES).run(new WordsDecoder(model), limit);
    }

    @Test
    void aBeamOfOneTakesTheLikeliestTokenEachTime() throws Exception {
        List<BeamSearch.Written> r = search(1, BeamSearchTest::garden, 10);

        assertThat(r).hasSize(1);
        assertThat(r.getFirst().tokens()).containsExactly(A, A);
        assertThat(r.getFirst().probabilities().get(0)).isCloseTo(0.55, within(1e-4));
        assertThat(r.getFirst().probabilities().get(1)).isCloseTo(0.34, within(1e-4));
    }

    @Test
    void aWiderBeamFindsTheReadingThatIsLikelierAsAWhole() throws Exception {
        List<BeamSearch.Written> r = search(2, BeamSearchTest::garden, 10);

        assertThat(r.getFirst().tokens()).containsExactly(B, C);
        assertThat(Math.exp(r.getFirst().logProbability())).isCloseTo(0.45, within(1e-3));
        assertThat(r).extracting(BeamSearch.Written::tokens).contains(List.of(A, A));
        assertThat(r.get(0).rank()).isGreaterThanOrEqualTo(r.get(1).rank());
    }

    @Test
    void theFirstTokenIsNeverTheEnd() throws Exception {
        List<BeamSearch.Written> r = search(1, w -> w.isEmpty() ? Map.of(END, 0.9, C, 0.1) : Map.of(END, 1.0), 10);

        assertThat(r.getFirst().tokens()).containsExactly(C);
    }

    @Test
    void readingsStillGoingAtTheLimitAreReadAsTheyStand() throws Exception {
        List<BeamSearch.Written> r = search(2, w -> Map.of(A, 0.6, B, 0.4), 3);

        assertThat(r).hasSize(2);
        assertThat(r).allSatisfy(w -> assertThat(w.tokens()).hasSize(3));
        assertThat(r.getFirst().tokens()).containsExactly(A, A, A);
    }

    @Test
    void aReadingThatLoopsEndsWithOneCopyOfItsLoop() throws Exception {
        List<BeamSearch.Written> r = search(1, w -> Map.of(B, 1.0), 50);

        assertThat(r.getFirst().tokens()).containsExactly(B);
    }

    @Test
    void aShortReadingIsNotPreferredForBeingShort() throws Exception {
        // ending at once costs a little; going on costs nothing per token, so per token the long reading is likelier
        List<BeamSearch.Written> r = search(2, w -> switch (w.size()) {
            case 0 -> Map.of(A, 1.0);
            case 1 -> Map.of(END, 0.5, B, 0.5);
            case 2, 3 -> Map.of(C, 0.999, A, 0.001);
            default -> Map.of(END, 0.999, A, 0.001);
        }, 10);

        assertThat(r.getFirst().tokens()).hasSize(4);
    }
}

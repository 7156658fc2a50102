package dev.voxloop.speech.engine.moonshine;

import ai.onnxruntime.OrtException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Beam search over a decoder that writes one token at a time: the {@code width} likeliest partial readings are
 * kept at every step, each continued by its likeliest tokens, until {@code width} of them have ended. A width of
 * one is greedy decoding. The readings are ranked by their mean log-probability per token (so that short readings
 * are not favoured for being short), and each carries its whole log-probability for weighing the readings against
 * each other.
 *
 * <p>The search runs on the biased scores ({@link ContextBias}); each token also keeps the probability the model
 * itself gave it, unbiased, for the transcript's confidence.
 */
final class BeamSearch {

    /** The decoder, one row per partial reading. */
    interface Decoder {

        /**
         * Scores the next token of each row.
         *
         * @param last    each row's last token (the start token at the first step)
         * @param parents for each row, the row of the previous step it continues (its cache), or -1 at the first
         * @return per row, the raw scores (logits) of every token
         */
        float[][] next(long[] last, int[] parents) throws OrtException;
    }

    /** One reading: its tokens (without start and end), their unbiased probabilities, its biased log-probability. */
    record Written(List<Integer> tokens, List<Double> probabilities, double logProbability) {

        /** The mean log-probability per token, the end counted as one: the ranking of readings. */
        double rank() {
            return logProbability / (tokens.size() + 1);
        }
    }

    private record Partial(List<Integer> tokens, List<Double> probabilities, double logProbability,
                           StringBuilder written) {
    }

    private record Candidate(int row, int token, double logProbability) {
    }

    private final int width;
    private final int startToken;
    private final int endToken;
    private final ContextBias bias;
    private final TokenPieces pieces;

    BeamSearch(int width, int startToken, int endToken, ContextBias bias, TokenPieces pieces) {
        if (width < 1) {
            throw new IllegalArgumentException("the beam must be at least 1 wide, got " + width);
        }
        this.width = width;
        this.startToken = startToken;
        this.endToken = endToken;
        this.bias = bias;
        this.pieces = pieces;
    }

    /**
     * @param limit at most this many tokens per reading
     * @return the readings, best first (at least one, possibly empty)
     */
    List<Written> run(Decoder decoder, int limit) throws OrtException {
        List<Partial> live = List.of(new Partial(List.of(), List.of(), 0, new StringBuilder()));
        List<Written> ended = new ArrayList<>();
        long[] last = {startToken};
        int[] parents = {-1};
        for (int step = 0; step < limit && !live.isEmpty() && ended.size() < width; step++) {
            float[][] scores = decoder.next(last, parents);
            List<Candidate> candidates = new ArrayList<>();
            // each row's own normaliser, before the bias: a token's probability as the model gave it
            double[] rawNorm = new double[live.size()];
            for (int row = 0; row < live.size(); row++) {
                float[] logits = scores[row];
                if (step == 0) {
                    // the intake passes on only audio with speech in it, yet on muffled audio (telephone band)
                    // the decoder may end before its first word: the likeliest first word is a better guess
                    logits[endToken] = Float.NEGATIVE_INFINITY;
                }
                float[] biased = logits.clone();
                bias.apply(live.get(row).written(), biased);
                double norm = logSumExp(biased);
                for (int token : top(biased, width + 1)) {
                    candidates.add(new Candidate(row, token, live.get(row).logProbability() + biased[token] - norm));
                }
                rawNorm[row] = logSumExp(logits);
            }
            candidates.sort(Comparator.comparingDouble(Candidate::logProbability).reversed());
            List<Partial> next = new ArrayList<>();
            List<Integer> nextParents = new ArrayList<>();
            for (int rank = 0; rank < candidates.size() && next.size() < width; rank++) {
                Candidate c = candidates.get(rank);
                Partial from = live.get(c.row());
                if (c.token() == endToken) {
                    if (rank < width) {
                        ended.add(new Written(from.tokens(), from.probabilities(), c.logProbability()));
                    }
                    continue;
                }
                double probability = Math.exp(scores[c.row()][c.token()] - rawNorm[c.row()]);
                Partial grown = grow(from, c.token(), probability, c.logProbability());
                if (Repetition.looping(grown.tokens())) {
                    int keep = Repetition.withoutLoop(grown.tokens());
                    ended.add(new Written(grown.tokens().subList(0, keep), grown.probabilities().subList(0, keep),
                            c.logProbability()));
                    continue;
                }
                next.add(grown);
                nextParents.add(c.row());
            }
            live = next;
            last = next.stream().mapToLong(p -> p.tokens().getLast()).toArray();
            parents = nextParents.stream().mapToInt(Integer::intValue).toArray();
        }
        if (ended.size() < width) {
            // out of steps: the readings still going are read as they stand
            for (Partial p : live) {
                ended.add(new Written(p.tokens(), p.probabilities(), p.logProbability()));
            }
        }
        ended.sort(Comparator.comparingDouble(Written::rank).reversed());
        return ended.isEmpty() ? List.of(new Written(List.of(), List.of(), 0)) : ended;
    }

    private Partial grow(Partial from, int token, double probability, double logProbability) {
        List<Integer> tokens = new ArrayList<>(from.tokens());
        tokens.add(token);
        List<Double> probabilities = new ArrayList<>(from.probabilities());
        probabilities.add(probability);
        StringBuilder written = new StringBuilder(from.written());
        if (token < pieces.size()) {
            written.append(pieces.piece(token));
        }
        return new Partial(tokens, probabilities, logProbability, written);
    }

    /** The indices of the {@code n} highest scores, highest first. */
    static int[] top(float[] scores, int n) {
        int k = Math.min(n, scores.length);
        int[] best = new int[k];
        int filled = 0;
        for (int i = 0; i < scores.length; i++) {
            if (filled < k) {
                best[filled++] = i;
            } else if (scores[i] > scores[best[k - 1]]) {
                best[k - 1] = i;
            } else {
                continue;
            }
            for (int j = filled - 1; j > 0 && scores[best[j]] > scores[best[j - 1]]; j--) {
                int t = best[j];
                best[j] = best[j - 1];
                best[j - 1] = t;
            }
        }
        return best;
    }

    static double logSumExp(float[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : scores) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : scores) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }
}

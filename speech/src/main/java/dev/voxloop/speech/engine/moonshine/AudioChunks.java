package dev.voxloop.speech.engine.moonshine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a long recording into parts Moonshine transcribes well: it was trained on utterances of up to about half a
 * minute. A recording up to {@link #LONGEST} seconds stays whole; a longer one is cut at the quietest tenth of a
 * second between {@link #SHORTEST} and {@link #LONGEST} seconds into what is left, where a pause between words
 * most likely is.
 */
final class AudioChunks {

    static final double LONGEST = 28;
    static final double SHORTEST = 14;
    private static final double WINDOW = 0.1;

    private AudioChunks() {
    }

    /** One part of the recording and where it lies in it. */
    record Chunk(float[] samples, double startSeconds, double endSeconds) {
    }

    static List<Chunk> of(float[] samples, int rate) {
        List<Chunk> out = new ArrayList<>();
        int longest = (int) (LONGEST * rate);
        int start = 0;
        while (samples.length - start > longest) {
            int cut = quietest(samples, start + (int) (SHORTEST * rate), start + longest, (int) (WINDOW * rate));
            out.add(chunk(samples, start, cut, rate));
            start = cut;
        }
        out.add(chunk(samples, start, samples.length, rate));
        return out;
    }

    private static Chunk chunk(float[] samples, int from, int to, int rate) {
        return new Chunk(Arrays.copyOfRange(samples, from, to), from / (double) rate, to / (double) rate);
    }

    /** The middle of the window with the least energy in [from, to). */
    private static int quietest(float[] samples, int from, int to, int window) {
        int best = to;
        double least = Double.MAX_VALUE;
        for (int at = from; at + window <= to; at += window / 2) {
            double energy = 0;
            for (int i = at; i < at + window; i++) {
                energy += samples[i] * samples[i];
            }
            if (energy < least) {
                least = energy;
                best = at + window / 2;
            }
        }
        return best;
    }
}

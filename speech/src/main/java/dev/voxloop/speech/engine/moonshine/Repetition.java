package dev.voxloop.speech.engine.moonshine;

import java.util.List;

/**
 * A greedy decoder that has started to repeat itself ("the the the the", or a phrase over and over) does not stop
 * on its own until its token limit. Four or more back-to-back copies of the same run of up to eight tokens at the
 * end is taken as such a loop, and one copy is kept.
 */
final class Repetition {

    static final int COPIES = 4;
    static final int LONGEST_RUN = 8;

    private Repetition() {
    }

    static boolean looping(List<Integer> tokens) {
        return loopRun(tokens) > 0;
    }

    /** How many tokens to keep: everything before the loop, and one copy of its run. */
    static int withoutLoop(List<Integer> tokens) {
        int run = loopRun(tokens);
        return run == 0 ? tokens.size() : tokens.size() - (COPIES - 1) * run;
    }

    private static int loopRun(List<Integer> tokens) {
        for (int run = 1; run <= LONGEST_RUN; run++) {
            int n = tokens.size();
            if (n < COPIES * run) {
                return 0;
            }
            boolean same = true;
            for (int i = n - run; i < n && same; i++) {
                for (int copy = 1; copy < COPIES && same; copy++) {
                    same = tokens.get(i).equals(tokens.get(i - copy * run));
                }
            }
            if (same) {
                return run;
            }
        }
        return 0;
    }
}

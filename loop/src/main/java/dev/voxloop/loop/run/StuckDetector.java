package dev.voxloop.loop.run;

import dev.voxloop.core.loop.LoopTurn;
import java.util.List;
import java.util.Optional;

/**
 * Deterministic stuck detection over the persisted turns: the same (action, result) pair — the same workspace
 * tree and the same gate verdict — {@code sameAction} turns in a row, or the same non-empty set of failing tests
 * {@code sameFailing} turns in a row.
 */
public record StuckDetector(int sameAction, int sameFailing) {

    public static final StuckDetector DEFAULTS = new StuckDetector(3, 5);

    /** A description of the pattern and how many times it repeated, or empty. */
    public Optional<Repetition> check(List<LoopTurn> turns) {
        int n = turns.size();
        if (n >= sameAction) {
            LoopTurn last = turns.get(n - 1);
            int repeats = 1;
            for (int k = n - 2; k >= 0; k--) {
                LoopTurn t = turns.get(k);
                if (!t.actionHash().equals(last.actionHash()) || !t.resultHash().equals(last.resultHash())) {
                    break;
                }
                repeats++;
            }
            if (repeats >= sameAction) {
                return Optional.of(new Repetition("same-action-and-result", repeats,
                        "the last " + repeats + " turns produced the same workspace and the same gate results"));
            }
        }
        if (n >= sameFailing) {
            String f = turns.get(n - 1).failingHash();
            if (!f.isEmpty()) {
                int repeats = 1;
                for (int k = n - 2; k >= 0 && turns.get(k).failingHash().equals(f); k--) {
                    repeats++;
                }
                if (repeats >= sameFailing) {
                    return Optional.of(new Repetition("same-failing-tests", repeats,
                            "the same tests failed in the last " + repeats + " turns"));
                }
            }
        }
        return Optional.empty();
    }

    /** A repetition found in the turns: which pattern, how many turns in a row, in words. */
    public record Repetition(String pattern, int repeats, String description) {
    }
}

package dev.voxloop.core.forge;

import java.util.Locale;

/** How a pull request lands on its base: one squashed commit (the default), a merge commit, or rebased commits. */
public enum MergeMethod {
    SQUASH, MERGE, REBASE;

    /** From configuration: {@code squash}, {@code merge} or {@code rebase}, any case. */
    public static MergeMethod parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("merge method must be squash, merge or rebase, not '" + s + "'");
        }
    }
}

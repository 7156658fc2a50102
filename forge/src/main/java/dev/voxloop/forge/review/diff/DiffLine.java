package dev.voxloop.forge.review.diff;

/**
 * One line of a hunk.
 *
 * @param oldLine its number in the old file (0 for an added line)
 * @param newLine its number in the new file (0 for a removed line)
 */
public record DiffLine(Kind kind, int oldLine, int newLine, String text) {

    public enum Kind {
        ADDED, REMOVED, CONTEXT
    }

    public boolean added() {
        return kind == Kind.ADDED;
    }

    public boolean removed() {
        return kind == Kind.REMOVED;
    }

    /** The line a finding about this line names: the new line, or the old one for a removed line. */
    public int line() {
        return kind == Kind.REMOVED ? oldLine : newLine;
    }
}

package dev.voxloop.forge.review.diff;

import java.util.List;

/**
 * One file of a unified diff with every line its hunks show.
 *
 * @param oldPath null for an added file
 * @param newPath null for a deleted file
 * @param binary  true when the diff holds no text hunks for it (a binary file)
 */
public record DiffFile(String oldPath, String newPath, Change change, boolean binary, List<DiffLine> lines) {

    public DiffFile {
        lines = List.copyOf(lines);
    }

    public enum Change {
        ADDED, MODIFIED, DELETED, RENAMED, COPIED
    }

    /** The path findings name: the new path, or the old one of a deleted file. */
    public String path() {
        return newPath != null ? newPath : oldPath;
    }

    public List<DiffLine> added() {
        return lines.stream().filter(DiffLine::added).toList();
    }

    public List<DiffLine> removed() {
        return lines.stream().filter(DiffLine::removed).toList();
    }

    /** Added plus removed lines. */
    public int changedLines() {
        return (int) lines.stream().filter(l -> l.kind() != DiffLine.Kind.CONTEXT).count();
    }
}

package dev.voxloop.forge.review.diff;

import dev.voxloop.core.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.patch.HunkHeader;
import org.eclipse.jgit.patch.Patch;

/**
 * A unified diff as {@code git diff} prints it, parsed by JGit's patch reader (file headers, renames, binary
 * markers, hunk positions); this class only walks each hunk's lines to number them.
 */
public record UnifiedDiff(List<DiffFile> files) {

    public UnifiedDiff {
        files = List.copyOf(files);
    }

    /** Parses {@code text}; text that is not empty and holds no file diff is a {@code Problem.Kind.INVALID}. */
    public static UnifiedDiff parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Patch patch = new Patch();
        patch.parse(bytes, 0, bytes.length);
        List<DiffFile> files = new ArrayList<>();
        for (FileHeader f : patch.getFiles()) {
            List<DiffLine> lines = new ArrayList<>();
            for (HunkHeader h : f.getHunks()) {
                lines.addAll(lines(h));
            }
            files.add(new DiffFile(path(f.getOldPath()), path(f.getNewPath()), change(f.getChangeType()),
                    f.getPatchType() != FileHeader.PatchType.UNIFIED, lines));
        }
        if (files.isEmpty() && !text.isBlank()) {
            String why = patch.getErrors().isEmpty() ? "no 'diff --git' file header found"
                    : patch.getErrors().get(0).getMessage();
            throw new Problem(Problem.Kind.INVALID, "the change is not a unified diff: " + why);
        }
        return new UnifiedDiff(files);
    }

    /** Added plus removed lines over every file {@code counted} accepts. */
    public int changedLines(java.util.function.Predicate<DiffFile> counted) {
        return files.stream().filter(counted).mapToInt(DiffFile::changedLines).sum();
    }

    private static List<DiffLine> lines(HunkHeader h) {
        String body = new String(h.getBuffer(), h.getStartOffset(), h.getEndOffset() - h.getStartOffset(),
                StandardCharsets.UTF_8);
        String[] raw = body.split("\n", -1);
        int oldLine = h.getOldImage().getStartLine();
        int newLine = h.getNewStartLine();
        List<DiffLine> out = new ArrayList<>();
        for (int i = 1; i < raw.length; i++) { // raw[0] is the @@ header
            String l = raw[i].endsWith("\r") ? raw[i].substring(0, raw[i].length() - 1) : raw[i];
            if (l.isEmpty() && i == raw.length - 1) {
                break;
            }
            char mark = l.isEmpty() ? ' ' : l.charAt(0);
            String text = l.isEmpty() ? "" : l.substring(1);
            switch (mark) {
                case '+' -> out.add(new DiffLine(DiffLine.Kind.ADDED, 0, newLine++, text));
                case '-' -> out.add(new DiffLine(DiffLine.Kind.REMOVED, oldLine++, 0, text));
                case ' ' -> out.add(new DiffLine(DiffLine.Kind.CONTEXT, oldLine++, newLine++, text));
                default -> { } // "\ No newline at end of file"
            }
        }
        return out;
    }

    private static String path(String p) {
        return p == null || p.equals(DiffEntry.DEV_NULL) ? null : p;
    }

    private static DiffFile.Change change(DiffEntry.ChangeType t) {
        return switch (t) {
            case ADD -> DiffFile.Change.ADDED;
            case DELETE -> DiffFile.Change.DELETED;
            case RENAME -> DiffFile.Change.RENAMED;
            case COPY -> DiffFile.Change.COPIED;
            case MODIFY -> DiffFile.Change.MODIFIED;
        };
    }
}

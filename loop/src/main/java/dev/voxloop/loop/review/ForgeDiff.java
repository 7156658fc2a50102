package dev.voxloop.loop.review;

import dev.voxloop.core.forge.FileChange;
import java.util.List;

/** A pull request's files as one unified diff, the way {@code git diff base head} prints it. */
final class ForgeDiff {

    private ForgeDiff() {
    }

    static String text(List<FileChange> files) {
        StringBuilder d = new StringBuilder();
        for (FileChange f : files) {
            String old = f.previousPath() != null ? f.previousPath() : f.path();
            d.append("diff --git a/").append(old).append(" b/").append(f.path()).append('\n');
            switch (f.status()) {
                case ADDED -> d.append("new file mode 100644\n");
                case REMOVED -> d.append("deleted file mode 100644\n");
                case RENAMED -> d.append("rename from ").append(old).append("\nrename to ").append(f.path())
                        .append('\n');
                default -> { }
            }
            if (f.patch().isBlank()) {
                if (f.status() != FileChange.Status.RENAMED) {
                    d.append("Binary files a/").append(old).append(" and b/").append(f.path()).append(" differ\n");
                }
                continue;
            }
            d.append("--- ").append(f.status() == FileChange.Status.ADDED ? "/dev/null" : "a/" + old).append('\n');
            d.append("+++ ").append(f.status() == FileChange.Status.REMOVED ? "/dev/null" : "b/" + f.path())
                    .append('\n');
            d.append(f.patch());
            if (!f.patch().endsWith("\n")) {
                d.append('\n');
            }
        }
        return d.toString();
    }
}

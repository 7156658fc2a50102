package dev.voxloop.guard.sandbox;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The parts of a workspace mounted read-only inside the sandbox: git's own directory and the human-owned paths
 * ({@code .github/}, {@code .githooks/}, {@code .claude/}, {@code .voxloop/}, {@code CODEOWNERS}, every
 * {@code .env*} file but {@code .env.example}). A protected directory or CODEOWNERS that does not exist is
 * covered by an empty read-only placeholder, so nothing can be created there either; new {@code .env.*} files
 * can be created, and the protected-files gate refuses them.
 */
final class ProtectedTree {

    static final List<String> DIRS = List.of(".git", ".github", ".githooks", ".claude", ".voxloop");
    private static final Set<String> SKIP_WALK = Set.of(".git", "node_modules", "target", "build", ".venv");
    private static final int WALK_LIMIT = 20_000;

    /**
     * One protected path.
     *
     * @param path   absolute, inside the workspace
     * @param exists false when a placeholder stands in (and must be removed after the command)
     */
    record Entry(Path path, boolean exists) {
    }

    private ProtectedTree() {
    }

    static List<Entry> of(Path workspace) throws IOException {
        List<Entry> out = new ArrayList<>();
        for (String d : DIRS) {
            add(out, workspace.resolve(d));
        }
        add(out, workspace.resolve("CODEOWNERS"));
        if (Files.isDirectory(workspace.resolve("docs"), LinkOption.NOFOLLOW_LINKS)) {
            add(out, workspace.resolve("docs").resolve("CODEOWNERS"));
        }
        out.addAll(envFiles(workspace));
        return out;
    }

    private static void add(List<Entry> out, Path p) {
        if (Files.isSymbolicLink(p)) {
            return; // a link is judged by its target, which is either protected itself or not visible at all
        }
        out.add(new Entry(p, Files.exists(p, LinkOption.NOFOLLOW_LINKS)));
    }

    static boolean isEnvFile(String name) {
        return (name.equals(".env") || name.startsWith(".env.")) && !name.equals(".env.example");
    }

    private static List<Entry> envFiles(Path workspace) throws IOException {
        List<Entry> found = new ArrayList<>();
        int[] seen = {0};
        Files.walkFileTree(workspace, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(workspace) && SKIP_WALK.contains(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && isEnvFile(file.getFileName().toString())) {
                    found.add(new Entry(file, true));
                }
                return ++seen[0] > WALK_LIMIT ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }
        });
        return found;
    }
}

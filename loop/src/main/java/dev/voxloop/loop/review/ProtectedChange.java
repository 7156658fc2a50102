package dev.voxloop.loop.review;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a change touches what needs a person: the policy's protected paths, or a file a CODEOWNERS rule owns
 * ({@code CODEOWNERS}, {@code .github/CODEOWNERS} or {@code docs/CODEOWNERS} of the workspace). Patterns: a
 * directory prefix ({@code infra/}), or a glob ({@code *.sql}, {@code src/**}).
 */
final class ProtectedChange {

    private ProtectedChange() {
    }

    /** The first changed path that needs a person, or null. */
    static String first(List<String> changed, List<String> protectedPaths, Path workspace) {
        List<String> patterns = new ArrayList<>(protectedPaths);
        patterns.addAll(codeOwners(workspace));
        for (String path : changed) {
            for (String p : patterns) {
                if (matches(p, path)) {
                    return path;
                }
            }
        }
        return null;
    }

    static boolean matches(String pattern, String path) {
        String p = pattern.startsWith("/") ? pattern.substring(1) : pattern;
        if (p.equals("*")) {
            return true;
        }
        boolean anchored = pattern.startsWith("/");
        if (p.endsWith("/")) {
            return path.startsWith(p) || (!anchored && path.contains("/" + p));
        }
        if (!p.contains("*") && !p.contains("?")) {
            return path.equals(p) || path.startsWith(p + "/") || (!anchored && path.endsWith("/" + p));
        }
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + p);
        PathMatcher anywhere = FileSystems.getDefault().getPathMatcher("glob:**/" + p);
        Path file = Path.of(path);
        return m.matches(file) || (!anchored && anywhere.matches(file));
    }

    private static List<String> codeOwners(Path workspace) {
        List<String> out = new ArrayList<>();
        if (workspace == null) {
            return out;
        }
        for (String f : List.of("CODEOWNERS", ".github/CODEOWNERS", "docs/CODEOWNERS")) {
            Path file = workspace.resolve(f);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(file)) {
                    String l = line.strip();
                    if (!l.isEmpty() && !l.startsWith("#") && l.split("\\s+").length > 1) {
                        out.add(l.split("\\s+")[0]);
                    }
                }
            } catch (IOException e) {
                // an unreadable CODEOWNERS owns nothing we can tell; protected paths still apply
            }
        }
        return out;
    }
}

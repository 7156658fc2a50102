package dev.voxloop.intent.review;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines a unified diff shows, per file: the new version's lines (added and context) and the old version's
 * removed lines. A model's finding may name only these as its line, because a forge places a line comment only
 * inside the diff; any other line is dropped to a comment on the whole file.
 */
final class DiffLines {

    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,\\d+)? \\+(\\d+)(?:,\\d+)? @@");

    private final Map<String, Set<Integer>> shown;

    private DiffLines(Map<String, Set<Integer>> shown) {
        this.shown = shown;
    }

    static DiffLines of(String diff) {
        Map<String, Set<Integer>> shown = new HashMap<>();
        Set<Integer> current = null;
        String oldPath = null;
        int oldLine = 0;
        int newLine = 0;
        for (String line : diff.lines().toList()) {
            if (line.startsWith("--- ")) {
                oldPath = path(line.substring(4));
                current = null;
            } else if (line.startsWith("+++ ")) {
                String p = path(line.substring(4));
                current = shown.computeIfAbsent(p == null ? oldPath : p, k -> new HashSet<>());
            } else if (current != null) {
                Matcher h = HUNK.matcher(line);
                if (h.find()) {
                    oldLine = Integer.parseInt(h.group(1));
                    newLine = Integer.parseInt(h.group(2));
                } else if (line.startsWith("+")) {
                    current.add(newLine++);
                } else if (line.startsWith("-")) {
                    current.add(oldLine++);
                } else if (line.startsWith(" ") || line.isEmpty()) {
                    current.add(newLine++);
                    oldLine++;
                }
            }
        }
        return new DiffLines(shown);
    }

    /** {@code b/src/A.java} → {@code src/A.java}; {@code /dev/null} → null. */
    private static String path(String side) {
        String p = side.strip();
        int tab = p.indexOf('\t');
        p = tab < 0 ? p : p.substring(0, tab);
        if (p.equals("/dev/null")) {
            return null;
        }
        return p.startsWith("a/") || p.startsWith("b/") ? p.substring(2) : p;
    }

    boolean hasFile(String path) {
        return shown.containsKey(path);
    }

    /** True when {@code line} of {@code path} is part of the diff. */
    boolean shows(String path, int line) {
        return shown.getOrDefault(path, Set.of()).contains(line);
    }

    /** The files in the diff. */
    List<String> files() {
        return shown.keySet().stream().sorted().toList();
    }
}

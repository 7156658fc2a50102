package dev.voxloop.loop.gate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Added or changed line numbers per file, read from a {@code git diff -U0}. */
public final class ChangedLines {

    private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,(\\d+))? @@");

    private ChangedLines() {
    }

    public static Map<String, TreeSet<Integer>> parse(String unifiedDiff) {
        Map<String, TreeSet<Integer>> out = new LinkedHashMap<>();
        String file = null;
        for (String line : unifiedDiff.split("\n")) {
            if (line.startsWith("+++ ")) {
                String p = line.substring(4).strip();
                file = p.equals("/dev/null") ? null : p.startsWith("b/") ? p.substring(2) : p;
            } else if (file != null) {
                Matcher m = HUNK.matcher(line);
                if (m.find()) {
                    int start = Integer.parseInt(m.group(1));
                    int count = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
                    TreeSet<Integer> set = out.computeIfAbsent(file, k -> new TreeSet<>());
                    for (int k = 0; k < count; k++) {
                        set.add(start + k);
                    }
                }
            }
        }
        return out;
    }
}

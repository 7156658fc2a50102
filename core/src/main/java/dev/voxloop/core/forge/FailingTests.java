package dev.voxloop.core.forge;

import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Failing test names read (by the gates and the built-in CI) from common runners' output (surefire, pytest, go, jest, the demo runner). */
public final class FailingTests {

    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(?m)^\\s*(?:FAIL|FAILED|--- FAIL:)\\s*:?\\s+([\\w.$/:\\[\\]-]+)"),
            Pattern.compile("(?m)^\\[ERROR]\\s+([\\w$]+\\.[\\w$]+)(?::\\d+)"),
            Pattern.compile("(?m)^\\s*[✕×]\\s+(.+)$"));

    private FailingTests() {
    }

    public static List<String> parse(String output) {
        TreeSet<String> out = new TreeSet<>();
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(output);
            while (m.find()) {
                out.add(m.group(1).strip().replaceAll(":+$", ""));
            }
        }
        return List.copyOf(out);
    }
}

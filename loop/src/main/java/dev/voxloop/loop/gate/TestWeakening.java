package dev.voxloop.loop.gate;

import dev.voxloop.loop.workspace.Git;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Compares each changed test file with the base: deleted, fewer tests, fewer assertions, or more skip markers
 * than before counts as weakening. Renames are followed.
 */
public final class TestWeakening {

    static final Pattern TEST_FILE = Pattern.compile("(^|/)(src/test/|test/|tests/|__tests__/|spec/)|Tests?\\.java$"
            + "|IT\\.java$|Test\\.kt$|_test\\.(py|go|rb)$|(^|/)test_[^/]*\\.py$|\\.(test|spec)\\.[cm]?[jt]sx?$");
    private static final Pattern TESTS = Pattern.compile("@(Test|ParameterizedTest|RepeatedTest|TestFactory)\\b"
            + "|\\bdef test_|(^|[^\\w.])(it|test)\\s*\\(|\\bfunc Test\\w*\\(|static void test\\w*\\(");
    private static final Pattern ASSERTS = Pattern.compile("\\bassert\\w*(\\s*\\(|\\s)|\\bexpect\\s*\\("
            + "|\\.should\\b|\\bcheck\\s*\\(|\\bfail\\s*\\(|\\bt\\.(Error|Fatal)f?\\(");
    private static final Pattern SKIPS = Pattern.compile("@Disabled\\b|@Ignore\\b|pytest\\.mark\\.skip|\\.skip\\s*\\("
            + "|\\bx(it|describe|test)\\s*\\(|\\bt\\.Skip|enabled\\s*=\\s*false|assume\\w*\\(\\s*false\\s*\\)"
            + "|@unittest\\.skip|\\.todo\\s*\\(");

    private TestWeakening() {
    }

    public static boolean isTestFile(String path) {
        return TEST_FILE.matcher(path).find();
    }

    /** Problems found, one line each; empty when no test was weakened. */
    public static List<String> check(Git git, String base) throws IOException {
        List<String> problems = new ArrayList<>();
        String status = git.diffWorkingTree(base, "--name-status", "-M");
        for (String line : status.split("\n")) {
            String[] f = line.split("\t");
            if (f.length < 2 || f[0].isEmpty()) {
                continue;
            }
            char kind = f[0].charAt(0);
            String oldPath = f[1];
            String newPath = f.length > 2 ? f[2] : f[1];
            if (!isTestFile(oldPath)) {
                continue;
            }
            if (kind == 'D') {
                problems.add(oldPath + " was deleted");
                continue;
            }
            if (kind != 'M' && kind != 'R') {
                continue;
            }
            String before = git.show(base, oldPath).orElse("");
            Path now = git.dir().resolve(newPath);
            String after = Files.exists(now) ? Files.readString(now) : "";
            int tb = count(TESTS, before);
            int ta = count(TESTS, after);
            int ab = count(ASSERTS, before);
            int aa = count(ASSERTS, after);
            int sb = count(SKIPS, before);
            int sa = count(SKIPS, after);
            if (ta < tb) {
                problems.add(newPath + " has " + ta + " tests, the base had " + tb);
            }
            if (aa < ab) {
                problems.add(newPath + " has " + aa + " assertions, the base had " + ab);
            }
            if (sa > sb) {
                problems.add(newPath + " skips or disables tests (" + sa + " markers, the base had " + sb + ")");
            }
        }
        return problems;
    }

    static int count(Pattern p, String text) {
        String code = text.replaceAll("(?m)^\\s*(//|#).*$", "");
        int n = 0;
        var m = p.matcher(code);
        while (m.find()) {
            n++;
        }
        return n;
    }
}

package dev.voxloop.forge.review.rules;

import dev.voxloop.core.review.Category;
import dev.voxloop.core.review.Finding;
import dev.voxloop.core.review.Severity;
import dev.voxloop.forge.review.diff.DiffFile;
import dev.voxloop.forge.review.diff.DiffLine;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tests made weaker anywhere in the change: a test file deleted, tests skipped or disabled, tests or assertions
 * removed, assertions that cannot fail or that check less than before, an expected value edited to a number the
 * ticket never mentions, and the build told to pass without tests or with a lower coverage threshold.
 */
public record WeakenedTests() implements Rule {

    private static final Pattern DISABLED = Pattern.compile("@Disabled\\b|@Ignore\\b|@Ignored\\b"
            + "|\\b(it|test|describe|context|suite)\\s*\\.\\s*(skip|todo)\\s*\\(|(^|[^\\w.])x(it|describe|test|context)\\s*\\("
            + "|@pytest\\.mark\\.(skip|xfail)\\b|@unittest\\.skip|\\bpytest\\.skip\\s*\\(|\\bself\\.skipTest\\s*\\("
            + "|\\bt\\.Skip(Now|f)?\\s*\\(|assumeTrue\\s*\\(\\s*false\\s*\\)|Assumptions\\.abort\\s*\\(");
    private static final Pattern VACUOUS = Pattern.compile("assertTrue\\s*\\(\\s*true\\s*\\)|assertFalse\\s*\\(\\s*false\\s*\\)"
            + "|assertThat\\s*\\(\\s*true\\s*\\)\\s*\\.\\s*isTrue|expect\\s*\\(\\s*true\\s*\\)\\s*\\.\\s*(toBe|toEqual)\\s*\\(\\s*true"
            + "|expect\\s*\\(\\s*1\\s*\\)\\s*\\.\\s*(toBe|toEqual)\\s*\\(\\s*1\\s*\\)|^\\s*assert\\s+True\\b|assertEqual\\s*\\(\\s*1\\s*,\\s*1\\s*\\)"
            + "|assert\\.(True|Equal)\\s*\\(\\s*t\\s*,\\s*true\\s*\\)|\\bassert\\s+1\\s*==\\s*1\\b|\\bpass\\s*#.*test");
    private static final Pattern ASSERTION = Pattern.compile("\\bassert\\w*\\s*\\(|\\bexpect\\s*\\(|\\bassert\\s+\\S"
            + "|\\bverify\\s*\\(|\\.should\\b|\\bt\\.(Error|Errorf|Fatal|Fatalf|Fail|FailNow)\\s*\\("
            + "|\\b(require|assert)\\.\\w+\\s*\\(|\\bself\\.assert\\w*\\s*\\(|\\bpytest\\.raises\\s*\\(");
    private static final Pattern WEAK = Pattern.compile("assertNotNull|isNotNull\\s*\\(|toBeDefined\\s*\\(|toBeTruthy\\s*\\("
            + "|assertIsNotNone|is\\s+not\\s+None|isNotEmpty\\s*\\(|toBeGreaterThan\\s*\\(\\s*0\\s*\\)|assert\\.NotNil"
            + "|assert\\.NotEmpty|\\.anything\\s*\\(|toHaveBeenCalled\\s*\\(\\s*\\)|assertDoesNotThrow|not\\.toThrow\\s*\\(");
    private static final Pattern TEST_DECLARATION = Pattern.compile("@Test\\b|@ParameterizedTest\\b|^\\s*def\\s+test_\\w*"
            + "|^\\s*(async\\s+)?def\\s+test\\w*|(^|[^\\w.])(it|test)\\s*\\(\\s*['\"`]|^func\\s+Test\\w+\\s*\\(");
    private static final Pattern NO_TESTS = Pattern.compile("--passWithNoTests|-DskipTests\\b|maven\\.test\\.skip"
            + "|<skipTests>\\s*true|<testFailureIgnore>\\s*true|-Dtest\\.skip|\\bcontinue-on-error:\\s*true"
            + "|--no-tests|\\|\\|\\s*true\\s*$|-x\\s+test\\b");
    private static final Pattern COVERAGE = Pattern.compile("(?i)coverage|threshold|fail[_-]?under|minimum|jacoco"
            + "|branches|lines|statements|functions|covered|ratio");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern LITERAL = Pattern.compile("-?\\d+(\\.\\d+)?|\"[^\"]*\"|'[^']*'");

    @Override
    public Category category() {
        return Category.TEST_WEAKENED;
    }

    @Override
    public List<Finding> check(ReviewedChange change) {
        List<Finding> out = new ArrayList<>();
        String ticket = change.ticketText();
        for (DiffFile f : change.files()) {
            boolean test = FileRoles.test(f.path()) && FileRoles.source(f.path());
            if (test && f.change() == DiffFile.Change.DELETED) {
                out.add(finding(Severity.MAJOR, f.path(), null, "a test file is deleted",
                        "keep the tests, or say in the ticket why they no longer apply"));
                continue;
            }
            for (DiffLine l : f.added()) {
                if (NO_TESTS.matcher(l.text()).find() && !FileRoles.comment(l.text())) {
                    out.add(weakened(f, l, "the build is told to pass without running or failing on tests"));
                }
            }
            out.addAll(coverageLowered(f));
            if (!test) {
                continue;
            }
            for (DiffLine l : f.added()) {
                if (FileRoles.comment(l.text())) {
                    continue;
                }
                if (DISABLED.matcher(l.text()).find()) {
                    out.add(weakened(f, l, "a test is skipped or disabled"));
                } else if (VACUOUS.matcher(l.text()).find()) {
                    out.add(weakened(f, l, "an assertion that cannot fail"));
                }
            }
            out.addAll(removedOrLoosened(f, ticket));
        }
        return out;
    }

    private Finding weakened(DiffFile f, DiffLine l, String what) {
        return finding(Severity.MAJOR, f.path(), l.line(), what + ": " + clip(l.text()),
                "keep the test as strict as it was; fix the code, not the test");
    }

    /** More tests or assertions removed than added, assertions swapped for weaker ones, expected values edited. */
    private List<Finding> removedOrLoosened(DiffFile f, String ticket) {
        List<Finding> out = new ArrayList<>();
        List<DiffLine> removed = f.removed().stream().filter(l -> !FileRoles.comment(l.text())).toList();
        List<DiffLine> added = f.added().stream().filter(l -> !FileRoles.comment(l.text())).toList();
        long testsRemoved = removed.stream().filter(l -> TEST_DECLARATION.matcher(l.text()).find()).count();
        long testsAdded = added.stream().filter(l -> TEST_DECLARATION.matcher(l.text()).find()).count();
        if (testsRemoved > testsAdded) {
            DiffLine first = removed.stream().filter(l -> TEST_DECLARATION.matcher(l.text()).find()).findFirst()
                    .orElseThrow();
            out.add(weakened(f, first, "a test is removed"));
            return out;
        }
        List<DiffLine> removedAsserts = removed.stream().filter(l -> ASSERTION.matcher(l.text()).find()).toList();
        List<DiffLine> addedAsserts = added.stream().filter(l -> ASSERTION.matcher(l.text()).find()).toList();
        for (DiffLine a : addedAsserts) {
            if (WEAK.matcher(a.text()).find() && removedAsserts.stream().anyMatch(r -> !WEAK.matcher(r.text()).find())) {
                out.add(weakened(f, a, "an assertion now checks less than the one it replaces"));
                return out;
            }
        }
        for (DiffLine r : removedAsserts) {
            for (DiffLine a : addedAsserts) {
                String newLiterals = editedLiterals(r.text(), a.text());
                if (newLiterals != null && !mentioned(newLiterals, ticket)) {
                    out.add(weakened(f, a, "an expected value is edited to one the ticket does not mention"));
                    return out;
                }
            }
        }
        if (removedAsserts.size() > addedAsserts.size()) {
            DiffLine first = removedAsserts.stream().filter(r -> added.stream()
                    .noneMatch(a -> a.text().strip().equals(r.text().strip()))).findFirst().orElse(removedAsserts.get(0));
            out.add(weakened(f, first, "an assertion is removed"));
        }
        return out;
    }

    /** The new line's literals when the two lines differ only in literals, else null. */
    private static String editedLiterals(String before, String after) {
        if (before.strip().equals(after.strip())
                || !LITERAL.matcher(before.strip()).replaceAll("#").equals(LITERAL.matcher(after.strip()).replaceAll("#"))) {
            return null;
        }
        List<String> b = literals(before);
        List<String> a = literals(after);
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                changed.add(a.get(i).replaceAll("^[\"']|[\"']$", ""));
            }
        }
        return changed.isEmpty() ? null : String.join("\n", changed);
    }

    private static List<String> literals(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = LITERAL.matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static boolean mentioned(String literals, String ticket) {
        return literals.lines().allMatch(v -> !v.isBlank() && ticket.contains(v.toLowerCase(java.util.Locale.ROOT)));
    }

    /** A removed line and an added line alike but for a lower number, on a coverage or threshold setting. */
    private List<Finding> coverageLowered(DiffFile f) {
        List<Finding> out = new ArrayList<>();
        for (DiffLine r : f.removed()) {
            if (!COVERAGE.matcher(r.text()).find()) {
                continue;
            }
            String shape = NUMBER.matcher(r.text().strip()).replaceAll("#");
            for (DiffLine a : f.added()) {
                if (NUMBER.matcher(a.text().strip()).replaceAll("#").equals(shape) && lower(r.text(), a.text())) {
                    out.add(weakened(f, a, "a coverage threshold is lowered"));
                    return out;
                }
            }
        }
        return out;
    }

    private static boolean lower(String before, String after) {
        List<Double> b = NUMBER.matcher(before).results().map(m -> Double.parseDouble(m.group())).toList();
        List<Double> a = NUMBER.matcher(after).results().map(m -> Double.parseDouble(m.group())).toList();
        boolean anyLower = false;
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (a.get(i) > b.get(i)) {
                return false;
            }
            anyLower |= a.get(i) < b.get(i);
        }
        return anyLower;
    }

    private static String clip(String line) {
        String s = line.strip();
        return s.length() <= 100 ? s : s.substring(0, 97) + "...";
    }
}

package dev.voxloop.forge.review.rules;

import dev.voxloop.core.review.Category;
import dev.voxloop.core.review.Finding;
import dev.voxloop.core.review.Severity;
import dev.voxloop.forge.review.diff.DiffFile;
import dev.voxloop.forge.review.diff.DiffLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Debugging left in: prints and debugger calls added to production code (not in a program's entry point, whose
 * job may be printing), focused tests anywhere, and prints in tests that are plainly debugging.
 */
public record DebugLeftovers() implements Rule {

    /** Per language (file extension), the calls that print or stop in a debugger. */
    private static final Map<String, Pattern> PRINTS = Map.of(
            "java", Pattern.compile("\\bSystem\\s*\\.\\s*(out|err)\\s*\\.\\s*print(ln|f)?\\s*\\(|\\.printStackTrace\\(\\s*\\)"),
            "kt", Pattern.compile("^\\s*print(ln)?\\s*\\(|\\.printStackTrace\\(\\s*\\)"),
            "js", Pattern.compile("\\bconsole\\s*\\.\\s*(log|debug|trace|dir|table)\\s*\\(|^\\s*debugger\\s*;?\\s*$"),
            "py", Pattern.compile("^\\s*print\\s*\\(|\\bpdb\\s*\\.\\s*set_trace\\s*\\(|\\bbreakpoint\\s*\\(\\s*\\)"
                    + "|^\\s*import\\s+i?pdb\\b|\\bpprint\\s*\\("),
            "go", Pattern.compile("\\bfmt\\s*\\.\\s*Print(ln|f)?\\s*\\(|^\\s*println\\s*\\(|^\\s*print\\s*\\("
                    + "|\\bspew\\s*\\.\\s*Dump\\s*\\("));
    private static final Pattern FOCUSED = Pattern.compile(
            "\\b(it|describe|test|context|suite)\\s*\\.\\s*only\\s*\\(|(^|[^\\w.])f(it|describe|context)\\s*\\("
                    + "|@Tag\\(\\s*\"(focus|only|debug)\"\\s*\\)|@pytest\\.mark\\.(focus|only)\\b|\\bdebugger\\s*;");
    private static final Pattern DEBUG_WORDS = Pattern.compile(
            "(?i)(\"|'|`)\\s*(debug|here|xxx|>>>|\\*\\*\\*|!!!|got:?|wtf|todo|value:|===)");

    @Override
    public Category category() {
        return Category.DEBUG_LEFTOVER;
    }

    @Override
    public List<Finding> check(ReviewedChange change) {
        List<Finding> out = new ArrayList<>();
        for (DiffFile f : change.files()) {
            if (f.newPath() == null || !FileRoles.source(f.path())) {
                continue;
            }
            Pattern prints = PRINTS.get(language(FileRoles.extension(f.path())));
            boolean test = FileRoles.test(f.path());
            boolean entry = !test && FileRoles.entryPoint(f);
            for (DiffLine l : f.added()) {
                if (FileRoles.comment(l.text())) {
                    continue;
                }
                if (test && FOCUSED.matcher(l.text()).find()) {
                    out.add(finding(Severity.MAJOR, f.path(), l.newLine(),
                            "a focused test: every other test is left out of the run",
                            "remove the focus so the whole suite runs"));
                } else if (prints != null && prints.matcher(l.text()).find()) {
                    if (!test && !entry) {
                        out.add(finding(Severity.MAJOR, f.path(), l.newLine(),
                                "debugging output left in production code: " + clip(l.text()),
                                "remove it, or log through the project's logger at debug level"));
                    } else if (test && DEBUG_WORDS.matcher(l.text()).find()) {
                        out.add(finding(Severity.MINOR, f.path(), l.newLine(),
                                "debugging output left in a test: " + clip(l.text()), "remove it"));
                    }
                } else if (!test && !entry && l.text().strip().matches("debugger\\s*;?")) {
                    out.add(finding(Severity.MAJOR, f.path(), l.newLine(), "a debugger statement left in",
                            "remove it"));
                }
            }
        }
        return out;
    }

    private static String language(String extension) {
        return switch (extension) {
            case "ts", "tsx", "jsx", "mjs", "cjs" -> "js";
            case "groovy", "scala" -> "java";
            default -> extension;
        };
    }

    private static String clip(String line) {
        String s = line.strip();
        return s.length() <= 100 ? s : s.substring(0, 97) + "...";
    }
}

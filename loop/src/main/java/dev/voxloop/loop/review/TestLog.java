package dev.voxloop.loop.review;

import dev.voxloop.core.review.ReviewRequest.TestOutcome;
import dev.voxloop.core.review.ReviewRequest.TestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tests a CI log reports one by one, with how each ended. Understood: {@code PASS|FAIL|SKIP name} lines (plain
 * runners, the demo's), {@code --- PASS: TestX} ({@code go test -v}) and {@code path::name PASSED} ({@code pytest -v}).
 * A log in no such format reports no tests.
 */
final class TestLog {

    private static final Pattern PLAIN = Pattern.compile("^(PASS|FAIL|SKIP|SKIPPED)[: ]\\s*([\\w.$#/:\\[\\]-]+)");
    private static final Pattern GO = Pattern.compile("^\\s*--- (PASS|FAIL|SKIP): (\\S+)");
    private static final Pattern PYTEST = Pattern.compile("^(\\S+::\\S+)\\s+(PASSED|FAILED|SKIPPED|ERROR)");

    private TestLog() {
    }

    static List<TestOutcome> outcomes(String log) {
        List<TestOutcome> out = new ArrayList<>();
        for (String line : log.split("\n")) {
            Matcher m = PLAIN.matcher(line);
            if (m.find()) {
                out.add(new TestOutcome(m.group(2).replaceAll(":+$", ""), result(m.group(1))));
                continue;
            }
            m = GO.matcher(line);
            if (m.find()) {
                out.add(new TestOutcome(m.group(2), result(m.group(1))));
                continue;
            }
            m = PYTEST.matcher(line.strip());
            if (m.find()) {
                out.add(new TestOutcome(m.group(1), result(m.group(2))));
            }
        }
        return out;
    }

    private static TestResult result(String word) {
        return switch (word) {
            case "PASS", "PASSED" -> TestResult.PASSED;
            case "SKIP", "SKIPPED" -> TestResult.SKIPPED;
            default -> TestResult.FAILED;
        };
    }
}

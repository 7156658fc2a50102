package dev.voxloop.forge.review.rules;

import dev.voxloop.core.review.Category;
import dev.voxloop.core.review.Finding;
import dev.voxloop.core.review.ReviewRequest;
import dev.voxloop.core.review.ReviewRequest.TestOutcome;
import dev.voxloop.core.review.ReviewRequest.TestResult;
import dev.voxloop.core.review.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every acceptance criterion of the ticket is proven: the change names at least one test for it, and every test
 * it names ran in CI and passed.
 */
public record Traceability() implements Rule {

    @Override
    public Category category() {
        return Category.UNTRACED_CRITERION;
    }

    @Override
    public List<Finding> check(ReviewedChange change) {
        ReviewRequest r = change.request();
        Map<String, TestResult> ci = r.ci().stream()
                .collect(Collectors.toMap(TestOutcome::test, TestOutcome::result, (a, b) -> worse(a, b)));
        List<Finding> out = new ArrayList<>();
        List<String> criteria = r.criteria();
        for (int i = 0; i < criteria.size(); i++) {
            int index = i;
            Set<String> tests = r.traceability().stream().filter(t -> t.criterion() == index)
                    .flatMap(t -> t.tests().stream()).collect(Collectors.toCollection(LinkedHashSet::new));
            String name = "acceptance criterion " + (i + 1) + " (\"" + clip(criteria.get(i)) + "\")";
            if (tests.isEmpty()) {
                out.add(finding(Severity.MAJOR, null, null, name + " names no test that proves it",
                        "add a test for it and name it in the pull request's traceability table"));
                continue;
            }
            Map<TestResult, List<String>> notGreen = tests.stream().filter(t -> ci.get(t) != TestResult.PASSED)
                    .collect(Collectors.groupingBy(t -> ci.getOrDefault(t, TestResult.SKIPPED)));
            List<String> missing = tests.stream().filter(t -> !ci.containsKey(t)).toList();
            if (!notGreen.isEmpty()) {
                List<String> why = new ArrayList<>();
                List<String> failed = notGreen.getOrDefault(TestResult.FAILED, List.of());
                List<String> skipped = notGreen.getOrDefault(TestResult.SKIPPED, List.of()).stream()
                        .filter(t -> !missing.contains(t)).toList();
                if (!failed.isEmpty()) {
                    why.add("failed in CI: " + String.join(", ", failed));
                }
                if (!skipped.isEmpty()) {
                    why.add("skipped in CI: " + String.join(", ", skipped));
                }
                if (!missing.isEmpty()) {
                    why.add("did not run in CI: " + String.join(", ", missing));
                }
                out.add(finding(Severity.MAJOR, null, null, name + " is not proven green: " + String.join("; ", why),
                        "make the named tests run and pass in CI"));
            }
        }
        return out;
    }

    private static TestResult worse(TestResult a, TestResult b) {
        Function<TestResult, Integer> rank = t -> switch (t) {
            case FAILED -> 2;
            case SKIPPED -> 1;
            case PASSED -> 0;
        };
        return rank.apply(a) >= rank.apply(b) ? a : b;
    }

    private static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}

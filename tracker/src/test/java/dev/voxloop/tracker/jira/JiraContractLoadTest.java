package dev.voxloop.tracker.jira;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class JiraContractLoadTest {

    private static final Map<String, List<String>> AUTH = Map.of("Authorization", List.of("Basic eDp5"),
            "Content-Type", List.of("application/json"));

    @Test
    void theContractRejectsBadBodiesUnknownPathsAndDeprecatedOperations() {
        JiraContract c = JiraContract.full();
        assertThat(c.validate("POST", "/rest/api/3/issue", Map.of(), AUTH, "{\"fields\": 5}"))
                .anyMatch(m -> m.contains("/fields"));
        assertThat(c.validate("GET", "/rest/api/3/search", Map.of("jql", List.of("x")), AUTH, null))
                .anyMatch(m -> m.contains("deprecated"));
        assertThat(c.validate("GET", "/rest/api/3/issue/createmeta", Map.of(), AUTH, null))
                .anyMatch(m -> m.contains("deprecated"));
        assertThat(c.validate("GET", "/rest/api/3/search/jql", Map.of("jql", List.of("project = BOOK"),
                "maxResults", List.of("many")), AUTH, null)).anyMatch(m -> m.contains("integer"));
        assertThat(c.validate("GET", "/rest/api/3/myself", Map.of(), AUTH, null)).isEmpty();
    }

    /** Prints load and first-validation times of the full, pruned and subset documents (run with -Pslow). */
    @Test
    @Tag("slow")
    void measureLoadTimes() {
        for (JiraContract c : List.of(JiraContract.full(), JiraContract.load(JiraContract.FULL),
                JiraContract.load(JiraContract.SUBSET))) {
            long t0 = System.nanoTime();
            c.validate("POST", "/rest/api/3/issue", Map.of(), AUTH, "{\"fields\":{\"summary\":\"x\"}}");
            long first = (System.nanoTime() - t0) / 1_000_000;
            t0 = System.nanoTime();
            c.validate("POST", "/rest/api/3/issue", Map.of(), AUTH, "{\"fields\":{\"summary\":\"y\"}}");
            long second = (System.nanoTime() - t0) / 1_000_000;
            System.out.println(c.spec().getFileName() + (c == JiraContract.full() ? " (pruned)" : "") + ": load "
                    + c.loadMillis() + " ms, first POST /issue validation " + first + " ms, second " + second + " ms");
        }
    }
}

package dev.voxloop.loop.forge;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A failed CI check, classified.
 *
 * @param excerpt      the end of the check's log, where the failure is
 * @param failingTests test names the check reported
 */
public record CiFailure(Kind kind, String check, String summary, String excerpt, List<String> failingTests) {

    public enum Kind {
        COMPILE, TEST_FAILURE, LINT, COVERAGE, TIMEOUT, DEPENDENCY_RESOLUTION, INFRASTRUCTURE, OTHER;

        /** Worth a re-run without the agent: the code may well be fine. */
        public boolean transientFailure() {
            return this == INFRASTRUCTURE;
        }

        public String words() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    public CiFailure {
        failingTests = failingTests == null ? List.of() : List.copyOf(failingTests);
    }

    /** Equal for the same kind of failure in the same check with the same failing tests. */
    public String fingerprint() {
        String f = kind.name() + ":" + check + ":" + String.join(",", new TreeSet<>(failingTests));
        return f.length() <= 250 ? f : f.substring(0, 250);
    }

    /** One line for events, comments and the timeline. */
    public String headline() {
        return kind.words() + " in check '" + check + "'" + (failingTests.isEmpty() ? ""
                : " (" + String.join(", ", failingTests.subList(0, Math.min(5, failingTests.size())))
                + (failingTests.size() > 5 ? ", ..." : "") + ")");
    }
}

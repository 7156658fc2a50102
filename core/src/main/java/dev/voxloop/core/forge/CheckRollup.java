package dev.voxloop.core.forge;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The checks of a head commit summed up against the required ones: PENDING while a required check runs or has not
 * reported yet, FAILURE when one finished red, SUCCESS when all are green. With no required names every reported
 * check is required, and at least one check must have reported.
 *
 * @param failing required checks that finished red
 * @param pending required checks still running, or names that have not reported at all
 */
public record CheckRollup(State state, List<Check> failing, List<String> pending, List<Check> checks) {

    public enum State {
        PENDING, SUCCESS, FAILURE
    }

    public static CheckRollup of(List<Check> checks, Set<String> required) {
        List<Check> failing = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (Check c : checks) {
            if (!required.isEmpty() && !required.contains(c.name())) {
                continue;
            }
            if (!c.completed()) {
                pending.add(c.name());
            } else if (c.failed()) {
                failing.add(c);
            }
        }
        for (String name : required) {
            if (checks.stream().noneMatch(c -> c.name().equals(name))) {
                pending.add(name);
            }
        }
        State state = !failing.isEmpty() ? State.FAILURE
                : !pending.isEmpty() || checks.isEmpty() ? State.PENDING : State.SUCCESS;
        return new CheckRollup(state, List.copyOf(failing), List.copyOf(pending), List.copyOf(checks));
    }

    /** One line: {@code "ci/test failure; ci/lint success; pr-validation success"}. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        for (Check c : checks) {
            parts.add(c.name() + " " + (c.completed() ? c.conclusion().name().toLowerCase(java.util.Locale.ROOT)
                    : c.status().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return parts.isEmpty() ? "no checks reported" : String.join("; ", parts);
    }
}

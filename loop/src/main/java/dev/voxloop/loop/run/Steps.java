package dev.voxloop.loop.run;

import dev.voxloop.core.loop.LoopFailure;
import dev.voxloop.core.loop.LoopState;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which {@link Step} does the work of which {@link LoopState}: the dispatcher's whole state table. A new state is
 * one new {@code Step} class and one {@link #on} line where the table is built ({@code LoopEngine}); nothing else
 * switches over states.
 */
public final class Steps {

    private final Map<LoopState, Step> byState;

    private Steps(Map<LoopState, Step> byState) {
        this.byState = byState;
    }

    public static Steps none() {
        return new Steps(new EnumMap<>(LoopState.class));
    }

    /** This table with {@code step} doing the work of {@code state} (replacing any step it had). */
    public Steps on(LoopState state, Step step) {
        if (state.terminal()) {
            throw new IllegalArgumentException(state + " is terminal; no step can run from it");
        }
        Map<LoopState, Step> m = new EnumMap<>(LoopState.class);
        m.putAll(byState);
        m.put(state, step);
        return new Steps(m);
    }

    /** The step for {@code state}; a run in a state without one cannot go on (a defect, not the run's fault). */
    public Step forState(LoopState state) {
        Step s = byState.get(state);
        if (s == null) {
            throw new LoopFailure.Internal("the loop cannot continue a run in state " + state, null);
        }
        return s;
    }
}

package dev.voxloop.app.demo;

import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.loop.LoopState;
import dev.voxloop.core.loop.LoopTurn;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the time from the pushed branch to the merge went, from the run's events and turns: CI (each round from
 * entering CHECKS to its {@code checks_finished}), the agent and the local gates of healing turns, and the rest,
 * which is the forge's own overhead (opening the pull request, reading checks, polling, merging, the ticket).
 *
 * @param pushedToMerged from entering PR_OPEN to MERGED
 * @param ciRounds       wall time of each CI round, in order
 */
public record ForgeTimings(Duration pushedToMerged, List<Duration> ciRounds, Duration agent, Duration gates) {

    public Duration ci() {
        return ciRounds.stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** Everything that is neither CI, nor the agent, nor the local gates. */
    public Duration forgeOverhead() {
        return pushedToMerged.minus(ci()).minus(agent).minus(gates);
    }

    /** From the events of one run (in the order they happened) and its turns; null before a pull request. */
    public static ForgeTimings of(List<PipelineEvent> events, List<LoopTurn> turns) {
        Instant opened = null;
        Instant merged = null;
        Instant checksSince = null;
        LoopState last = null;
        List<Duration> rounds = new ArrayList<>();
        for (PipelineEvent e : events) {
            if (e instanceof PipelineEvent.LoopStageChanged s) {
                if (s.state() == LoopState.PR_OPEN && opened == null) {
                    opened = s.at();
                }
                if (s.state() == LoopState.CHECKS && last != LoopState.CHECKS && checksSince == null) {
                    checksSince = s.at();
                }
                if (s.state() == LoopState.MERGED) {
                    merged = s.at();
                }
                last = s.state();
            } else if (e instanceof PipelineEvent.ChecksFinished c && checksSince != null) {
                rounds.add(Duration.between(checksSince, c.at()));
                checksSince = null;
            }
        }
        if (opened == null || merged == null) {
            return null;
        }
        long agent = 0;
        long gates = 0;
        for (LoopTurn t : turns) {
            if (!t.startedAt().isBefore(opened)) {
                agent += t.agentMillis();
                gates += t.gateMillis();
            }
        }
        return new ForgeTimings(Duration.between(opened, merged), List.copyOf(rounds), Duration.ofMillis(agent),
                Duration.ofMillis(gates));
    }
}

package dev.voxloop.server.metrics;

import dev.voxloop.core.event.EventBus;
import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.event.Stage;
import dev.voxloop.core.event.StoredEvent;
import dev.voxloop.core.loop.LoopState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Meters counted from the event stream, so the intake and the loop record nothing themselves: intakes by outcome,
 * how long each intake stage and each loop state took, runs by state, agent cost. Only events of this process are
 * seen (loop workers in another process report nothing here).
 */
public final class PipelineMeters {

    /** Sessions or runs whose stage is being timed; more than this means events were lost, and timing restarts. */
    static final int TRACKED = 10_000;

    private record Mark(String stage, Instant at) {
    }

    private final MeterRegistry registry;
    private final Map<String, Mark> intakeStages = new ConcurrentHashMap<>();
    private final Map<String, Mark> runStates = new ConcurrentHashMap<>();
    private final Map<String, Double> runCosts = new ConcurrentHashMap<>();
    private final Counter costUsd;

    public PipelineMeters(MeterRegistry registry) {
        this.registry = registry;
        this.costUsd = Counter.builder("voxloop.agent.cost").baseUnit("usd")
                .description("What agent turns cost, in US dollars").register(registry);
        for (LoopState state : LoopState.values()) {
            String name = label(state.name());
            Gauge.builder("voxloop.runs.active", runStates, m -> m.values().stream()
                            .filter(mark -> mark.stage().equals(name)).count())
                    .description("Loop runs of this process now in each state").tag("state", name).register(registry);
        }
    }

    /** Starts counting; returns the handle that stops it. */
    public Runnable subscribe(EventBus events) {
        return events.subscribe(this::accept);
    }

    void accept(StoredEvent stored) {
        switch (stored.event()) {
            case PipelineEvent.StageChanged e -> intakeStage(e);
            case PipelineEvent.TicketCreated e -> intake("created");
            case PipelineEvent.IntakeEnded e -> intake(label(e.state().name()));
            case PipelineEvent.LoopStageChanged e -> runState(e.runId(), label(e.state().name()), e.at());
            case PipelineEvent.RunFinished e -> runFinished(e);
            case PipelineEvent.CostUpdated e -> cost(e);
            case PipelineEvent.IterationFinished e -> tokens(e);
            default -> {
            }
        }
    }

    private void intake(String outcome) {
        Counter.builder("voxloop.intakes").description("Intakes that ended, by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }

    /** A stage lasts from its StageChanged to the session's next one; the person's waits are not timed. */
    private void intakeStage(PipelineEvent.StageChanged e) {
        Mark before = e.stage() == Stage.TRANSCRIBING || e.stage() == Stage.EXTRACTING || e.stage() == Stage.CREATING
                ? intakeStages.put(e.sessionId(), new Mark(stageName(e.stage()), e.at()))
                : intakeStages.remove(e.sessionId());
        if (before != null) {
            stageTimer("voxloop.intake.stage", before.stage(), "Time an intake spent in each stage")
                    .record(between(before.at(), e.at()));
        }
        bound(intakeStages);
    }

    private static String stageName(Stage stage) {
        return switch (stage) {
            case TRANSCRIBING -> "transcribe";
            case EXTRACTING -> "extract";
            default -> "file";
        };
    }

    private void runState(String runId, String state, Instant at) {
        Mark before = runStates.put(runId, new Mark(state, at));
        if (before != null && !before.stage().equals(state)) {
            stageTimer("voxloop.loop.stage", before.stage(), "Time a loop run spent in each state")
                    .record(between(before.at(), at));
        } else if (before != null) {
            runStates.put(runId, before);
        }
        bound(runStates);
    }

    private void runFinished(PipelineEvent.RunFinished e) {
        Mark before = runStates.remove(e.runId());
        if (before != null) {
            stageTimer("voxloop.loop.stage", before.stage(), "Time a loop run spent in each state")
                    .record(between(before.at(), e.at()));
        }
        runCosts.remove(e.runId());
        Counter.builder("voxloop.runs").description("Loop runs that finished, by final state and failure kind")
                .tag("state", label(e.state().name()))
                .tag("failure", e.failure() == null ? "none" : label(e.failure().name()))
                .register(registry).increment();
    }

    /** The event carries the run's running total; the counter grows by what was added since the last one. */
    private void cost(PipelineEvent.CostUpdated e) {
        Double before = runCosts.put(e.runId(), e.totalUsd());
        double added = e.totalUsd() - (before == null ? 0 : before);
        if (added > 0) {
            costUsd.increment(added);
        }
        bound(runCosts);
    }

    private void tokens(PipelineEvent.IterationFinished e) {
        tokenCounter("input").increment(e.inputTokens());
        tokenCounter("output").increment(e.outputTokens());
    }

    private Counter tokenCounter(String direction) {
        return Counter.builder("voxloop.agent.tokens").description("Model tokens agent turns used")
                .tag("direction", direction).register(registry);
    }

    private Timer stageTimer(String name, String stage, String description) {
        return Timer.builder(name).description(description).tag("stage", stage)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
    }

    private static Duration between(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static void bound(Map<String, ?> tracked) {
        if (tracked.size() > TRACKED) {
            tracked.clear();
        }
    }

    private static String label(String enumName) {
        return enumName.toLowerCase(Locale.ROOT);
    }
}

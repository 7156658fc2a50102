package dev.voxloop.loop.run;

import dev.voxloop.core.loop.ControlSignal;
import dev.voxloop.core.loop.LoopFailure;
import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.core.loop.LoopRunRepository;
import dev.voxloop.loop.prompt.Prompts;
import dev.voxloop.loop.workspace.BranchPublisher;
import dev.voxloop.loop.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;

/**
 * A person's signals to a run (console or API), taken before an agent turn: abort ends the run, an instruction is
 * added to this turn's prompt, a checkpoint commits and pushes the work so far and the run goes on.
 */
public final class ControlSignals {

    private final LoopRunRepository runs;
    private final BranchPublisher publisher;
    private final Prompts prompts;
    private final RunEvents events;

    public ControlSignals(LoopRunRepository runs, BranchPublisher publisher, Prompts prompts, RunEvents events) {
        this.runs = runs;
        this.publisher = publisher;
        this.prompts = prompts;
        this.events = events;
    }

    /**
     * Takes the run's pending signals (each is handed out once).
     *
     * @return the instructions to add to this turn's prompt
     * @throws LoopFailure.Aborted when a person aborted the run
     */
    public List<String> take(LoopRun run, Workspace ws) {
        List<String> instructions = new ArrayList<>();
        for (ControlSignal s : runs.takeSignals(run.id())) {
            switch (s.kind()) {
                case ABORT -> throw new LoopFailure.Aborted("aborted by a person"
                        + (s.message() == null || s.message().isBlank() ? "" : ": " + s.message()));
                case INSTRUCT -> instructions.add(prompts.personInstruction(s.message()));
                case CHECKPOINT -> {
                    BranchPublisher.Pushed p = publisher.commitAndPush(ws, run.ticketKey() + ": checkpoint after "
                            + run.iteration() + " iteration(s)");
                    events.stage(run, p.ok() ? "checkpoint pushed to " + ws.branch()
                            : "checkpoint push failed: " + p.output());
                }
            }
        }
        return instructions;
    }
}

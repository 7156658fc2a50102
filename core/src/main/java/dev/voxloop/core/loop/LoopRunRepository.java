package dev.voxloop.core.loop;

import java.util.List;
import java.util.Optional;

/** Port: loop runs, their turns and pending control signals. */
public interface LoopRunRepository {

    /** Insert or replace by id. */
    void save(LoopRun run);

    Optional<LoopRun> find(String id);

    /** The newest run of a ticket that the loop has not finished (see {@link LoopRun#loopDone()}). */
    Optional<LoopRun> findActive(String ticketKey);

    /** Runs of a ticket, newest first. */
    List<LoopRun> forTicket(String ticketKey);

    /** Newest first. */
    List<LoopRun> list(int limit);

    void addTurn(LoopTurn turn);

    /** Oldest first. */
    List<LoopTurn> turns(String runId);

    /** Queue a signal; returns it with its id. */
    ControlSignal signal(String runId, ControlSignal.Kind kind, String message);

    /** Pending signals of a run, oldest first; each is handed out once. */
    List<ControlSignal> takeSignals(String runId);
}

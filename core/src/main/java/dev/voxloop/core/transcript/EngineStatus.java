package dev.voxloop.core.transcript;

/**
 * How a speech engine is doing, for /health and `voxloop doctor`.
 *
 * @param state  where the engine is in its life
 * @param detail one line for a person ("model loaded", "rebuilding after a failure: ..."), never null
 */
public record EngineStatus(State state, String detail) {

    public enum State {
        /** models still loading (requests wait for them) */
        LOADING,
        /** taking requests */
        READY,
        /** a recogniser failed and is being rebuilt; requests may wait or be refused meanwhile */
        DEGRADED,
        /** cannot take requests (the model could not load) */
        FAILED
    }

    public EngineStatus {
        detail = detail == null ? "" : detail;
    }

    public boolean healthy() {
        return state == State.LOADING || state == State.READY;
    }
}

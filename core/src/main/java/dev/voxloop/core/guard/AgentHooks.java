package dev.voxloop.core.guard;

import java.nio.file.Path;

/**
 * Port: voxloop's hooks (PreToolUse, PostToolUse, Stop, in Claude Code's protocol) as an agent reaches them. A CLI
 * agent (Claude Code, Codex) gets an {@link Endpoint} per turn: the commands its hook settings run, answered by
 * the worker process, and the count of calls that reached it (the turn's proof that its hooks ran). voxloop's own
 * agent asks in-process ({@link #answer}).
 */
public interface AgentHooks {

    /** One turn's hook endpoint; closing it stops answering (a hook called after that blocks). */
    interface Endpoint extends AutoCloseable {

        /** The command a CLI's hook settings run for an event in CLI spelling (pre-tool-use, post-tool-use, stop). */
        String command(String event);

        /** Calls answered so far for an event (CLI spelling). */
        int calls(String event);

        /** The directory holding the endpoint (what a sandbox must make reachable). */
        Path dir();

        @Override
        void close();
    }

    /** Opens an endpoint for the hooks of an agent working in {@code workspace}. */
    Endpoint open(Path workspace);

    /**
     * Answers one hook call in-process: the decision JSON the hook would print (empty when the call may go on).
     *
     * @param event CLI spelling: pre-tool-use, post-tool-use or stop
     * @param input the hook's JSON input
     */
    String answer(String event, String input, Path workspace);
}

package dev.voxloop.guard.hook;

import dev.voxloop.core.guard.AgentHooks;
import java.nio.file.Path;

/**
 * voxloop's hooks for agents: a {@link HookServer} (Unix socket and curl launcher) per turn for the agent CLIs, the
 * {@link HookHandler} directly for voxloop's own agent.
 */
public final class SocketHooks implements AgentHooks {

    private final HookHandler handler;
    private final Path socketParent;

    /** @param socketParent where per-turn socket directories are made (keep it short: socket paths are limited) */
    public SocketHooks(HookHandler handler, Path socketParent) {
        this.handler = handler;
        this.socketParent = socketParent;
    }

    public SocketHooks(HookHandler handler) {
        this(handler, Path.of(System.getProperty("java.io.tmpdir")));
    }

    @Override
    public Endpoint open(Path workspace) {
        return HookServer.start(handler, socketParent, workspace);
    }

    @Override
    public String answer(String event, String input, Path workspace) {
        return handler.handle(event, input, workspace).stdout();
    }
}

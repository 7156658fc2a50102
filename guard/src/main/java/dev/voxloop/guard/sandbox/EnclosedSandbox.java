package dev.voxloop.guard.sandbox;

import dev.voxloop.core.sandbox.Sandbox;
import dev.voxloop.core.sandbox.SandboxRequest;
import dev.voxloop.core.sandbox.SandboxResult;
import dev.voxloop.core.sandbox.SandboxUnavailable;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The sandbox as seen from inside one: voxloop itself runs in a sandbox (an agent's Stop hook running the gates),
 * so commands run directly, inheriting its already allowlisted environment, mounts and limits; only the
 * wall-time and output limits of the request are added. Chosen when {@code VOXLOOP_SANDBOXED} is set, which only
 * the sandbox sets (a command inside cannot change the environment of voxloop on the host).
 */
final class EnclosedSandbox implements Sandbox {

    private final String outer;

    EnclosedSandbox(String outer) {
        this.outer = outer;
    }

    @Override
    public String name() {
        return outer;
    }

    @Override
    public boolean isolates() {
        return !"none".equals(outer);
    }

    @Override
    public String describe() {
        return "sandbox: inside the enclosing " + outer + " sandbox";
    }

    @Override
    public SandboxResult run(SandboxRequest r, OutputWatcher watcher) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(r.env());
        try {
            return LimitedProcess.run(r.command(), r.workspace(), env, r.stdin(), r.limits().wallTime(),
                    r.limits().outputBytes(), watcher).result(r.limits());
        } catch (IOException e) {
            throw new SandboxUnavailable("cannot run " + r.command().get(0) + ": " + e.getMessage());
        }
    }
}

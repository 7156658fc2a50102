package dev.voxloop.core.sandbox;

/**
 * The agent's boundary: runs one command the way an agent's tool call, a gate or a CI check runs, with the
 * workspace writable, the rest of the machine out of reach and hard limits. Backends: {@code bubblewrap} (Linux
 * namespaces; the default) and {@code none} (an explicit, loudly reported opt-out that isolates nothing).
 */
public interface Sandbox {

    /** The backend's name as configured: {@code bubblewrap} or {@code none}. */
    String name();

    /** False only for {@code none}: the command then runs on the host with the worker's rights. */
    boolean isolates();

    /** Sees each line of a command's output as it arrives (an agent's event stream); false stops the command. */
    @FunctionalInterface
    interface OutputWatcher {

        OutputWatcher NONE = line -> true;

        boolean line(String line);
    }

    /**
     * Runs the command to completion (or until a limit or the watcher stops it).
     *
     * @throws SandboxUnavailable when the backend cannot start a sandbox at all (nothing ran)
     */
    SandboxResult run(SandboxRequest request, OutputWatcher watcher);

    /** Runs the command to completion (or until a limit stops it). */
    default SandboxResult run(SandboxRequest request) {
        return run(request, OutputWatcher.NONE);
    }

    /** One line for logs, doctor and the console: what every command runs inside. */
    default String describe() {
        return isolates() ? "sandbox: " + name()
                : "sandbox: NONE: agent commands run on the host with the worker's rights and network";
    }
}

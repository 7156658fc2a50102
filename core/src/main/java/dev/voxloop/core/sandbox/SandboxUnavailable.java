package dev.voxloop.core.sandbox;

/** The sandbox could not be started (its program is missing, namespaces are refused); the command did not run. */
public final class SandboxUnavailable extends RuntimeException {

    public SandboxUnavailable(String message) {
        super(message);
    }
}

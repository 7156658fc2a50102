package dev.voxloop.core.process;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Kills a process together with everything it started. A shell running a test command, or an agent CLI running
 * tools, leaves grandchildren that would outlive a plain {@link Process#destroyForcibly()} and keep the output
 * pipes open.
 */
public final class ProcessTree {

    private ProcessTree() {
    }

    /**
     * Kills {@code root} and its descendants, then waits up to five seconds for {@code root} to go. The
     * descendants are listed before anything is killed: once the root is gone its children are re-parented and
     * can no longer be found from it.
     */
    public static void kill(ProcessHandle root) {
        List<ProcessHandle> descendants = root.descendants().toList();
        root.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            root.onExit().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the kill signal was sent; a process stuck in the kernel cannot be waited for any longer than this
        }
    }
}

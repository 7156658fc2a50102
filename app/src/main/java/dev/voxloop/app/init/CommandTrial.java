package dev.voxloop.app.init;

import dev.voxloop.loop.workspace.CommandResult;
import dev.voxloop.loop.workspace.Processes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs a proposed command once in a fresh clone of the repository, as the loop's gates will (from the committed
 * state, not the person's working tree), and reports whether it worked and how long it took.
 */
public final class CommandTrial {

    /** One command's trial: exit status, seconds, and the end of its output when it failed. */
    public record Trial(String role, String command, int exit, boolean timedOut, double seconds, String tail) {
        public boolean ok() {
            return exit == 0 && !timedOut;
        }

        public String describe() {
            String took = String.format("%.1f s", seconds);
            return ok() ? role + " ok in " + took + ": " + command
                    : role + (timedOut ? " timed out after " + took : " failed (exit " + exit + ") after " + took)
                    + ": " + command + (tail.isBlank() ? "" : "\n      " + tail.strip().replace("\n", "\n      "));
        }
    }

    private final Duration limit;

    public CommandTrial(Duration limit) {
        this.limit = limit;
    }

    public Trial run(String role, String command, Path clone) {
        CommandResult r = Processes.run(List.of("sh", "-c", command), clone, Map.of(), null, limit);
        return new Trial(role, command, r.exit(), r.timedOut(), r.millis() / 1000.0, r.ok() ? "" : r.tail(600));
    }
}

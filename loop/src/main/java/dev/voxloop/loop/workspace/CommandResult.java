package dev.voxloop.loop.workspace;

/**
 * What a process did: exit code (-1 when it timed out), combined output (the tail, capped), and how long it took.
 */
public record CommandResult(int exit, String output, boolean timedOut, long millis) {

    public boolean ok() {
        return exit == 0 && !timedOut;
    }

    /** The program could not be started at all (not installed, not executable): see {@link Processes#run}. */
    public boolean notStarted() {
        return exit == 127 && output.startsWith(Processes.NOT_STARTED);
    }

    /** The last {@code max} characters, for feedback and comments. */
    public String tail(int max) {
        return output.length() <= max ? output : "..." + output.substring(output.length() - max);
    }
}

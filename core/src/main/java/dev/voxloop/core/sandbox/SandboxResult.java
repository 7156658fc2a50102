package dev.voxloop.core.sandbox;

/**
 * How a sandboxed command ended.
 *
 * @param exit     its exit status (128 + signal when killed; 127 with output starting {@value #NOT_STARTED} when
 *                 the program could not be started at all)
 * @param output   stdout and stderr interleaved, at most the output limit
 * @param limitHit the limit that stopped it, or null
 * @param millis   wall time including the sandbox's own start-up
 */
public record SandboxResult(int exit, String output, LimitHit limitHit, long millis) {

    public static final String NOT_STARTED = "could not start ";

    /** The program does not exist or cannot be executed inside the sandbox. */
    public static SandboxResult notStarted(String program, String why, long millis) {
        return new SandboxResult(127, NOT_STARTED + program + ": " + why, null, millis);
    }

    public boolean ok() {
        return exit == 0 && limitHit == null;
    }

    /** The last {@code max} characters of the output, with the limit's reason appended when one was hit. */
    public String tail(int max) {
        String t = output.length() <= max ? output : "..." + output.substring(output.length() - max);
        return limitHit == null ? t : t + (t.isEmpty() || t.endsWith("\n") ? "" : "\n") + "[sandbox] "
                + limitHit.reason() + "\n";
    }
}

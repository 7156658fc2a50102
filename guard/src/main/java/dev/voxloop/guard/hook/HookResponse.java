package dev.voxloop.guard.hook;

/** What a hook process writes and returns: JSON (or nothing) on stdout, the reason on stderr, exit code. */
public record HookResponse(String stdout, String stderr, int exit) {

    public static HookResponse silent() {
        return new HookResponse("", "", 0);
    }
}

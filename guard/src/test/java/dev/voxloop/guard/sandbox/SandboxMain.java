package dev.voxloop.guard.sandbox;

import dev.voxloop.core.sandbox.Sandbox;
import dev.voxloop.core.sandbox.SandboxLimits;
import dev.voxloop.core.sandbox.SandboxRequest;
import dev.voxloop.core.sandbox.SandboxResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Runs one command in the configured sandbox from its own JVM: {@code WORKSPACE PROCESSES MEMORY_MB COMMAND...}.
 * Prints the output, then {@code [limit] reason} when one was hit, and exits with the command's status. Used to
 * run the sandbox as an unprivileged user.
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) {
        Sandbox sandbox = Sandboxes.create(SandboxSettings.defaults(), e -> System.err.println(e), Clock.systemUTC());
        List<String> command = Arrays.asList(args).subList(3, args.length);
        SandboxResult r = sandbox.run(SandboxRequest.of(command, Path.of(args[0])).withLimits(new SandboxLimits(
                Duration.ofSeconds(30), Long.parseLong(args[2]) << 20, Integer.parseInt(args[1]), 1L << 20)));
        System.out.print(r.output());
        if (r.limitHit() != null) {
            System.out.println("[limit] " + r.limitHit().reason());
        }
        System.out.println("[sandbox] " + sandbox.describe());
        System.exit(r.exit() < 0 ? 125 : r.exit());
    }
}

package dev.voxloop.app.cli;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.event.PipelineEvent;
import dev.voxloop.core.sandbox.Network;
import dev.voxloop.core.sandbox.Sandbox;
import dev.voxloop.core.sandbox.SandboxLimits;
import dev.voxloop.core.sandbox.SandboxRequest;
import dev.voxloop.core.sandbox.SandboxResult;
import dev.voxloop.core.sandbox.SandboxUnavailable;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code voxloop sandbox exec}: one command inside the agent's sandbox, exactly as an agent's tool call runs. */
@Command(name = "sandbox", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "exec",
        description = "The agent's sandbox (see docs/sandbox.md).")
public final class SandboxCommand implements Runnable {

    /** Exit status when a limit (wall time, memory, processes, output) stopped the command. */
    static final int LIMIT_EXIT = 124;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Missing subcommand: voxloop sandbox exec");
    }

    /** What the CLI says about a sandbox event (a limit hit is said once, by exec itself). */
    static void report(PipelineEvent e) {
        if (e instanceof PipelineEvent.EgressRefused r) {
            System.err.println("[sandbox] egress refused: " + r.reason());
        }
    }

    /** Registers {@code sandbox exec}. */
    public static CommandLine command(Supplier<Sandbox> sandbox, Supplier<SandboxLimits> limits) {
        CommandLine cli = new CommandLine(new SandboxCommand());
        cli.addSubcommand(new Exec(sandbox, limits, System.out, System.err));
        return cli;
    }

    @Command(name = "exec", mixinStandardHelpOptions = true,
            description = "Runs COMMAND in the sandbox with WORKSPACE writable (same mounts, environment and limits"
                    + " as an agent's tool call), prints its output and exits with its status (124: a limit"
                    + " stopped it).")
    static final class Exec implements Callable<Integer> {

        @Option(names = "--workspace", required = true, description = "The writable tree (a git clone)")
        Path workspace;

        @Option(names = "--network", defaultValue = "none", description = "none (default) or allowlist")
        String network;

        @Option(names = "--allow", description = "A host the allowlist lets through (host, host:port, *.domain);"
                + " repeatable")
        List<String> allow = new ArrayList<>();

        @Option(names = "--timeout", description = "Wall-time limit, e.g. 90s or 15m (default: sandbox.limits)")
        String timeout;

        @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command and its arguments")
        List<String> command;

        private final Supplier<Sandbox> sandbox;
        private final Supplier<SandboxLimits> limits;
        private final PrintStream out;
        private final PrintStream err;

        Exec(Supplier<Sandbox> sandbox, Supplier<SandboxLimits> limits, PrintStream out, PrintStream err) {
            this.sandbox = sandbox;
            this.limits = limits;
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            if (!Files.isDirectory(workspace)) {
                err.println("voxloop sandbox exec: --workspace " + workspace + " is not a directory");
                return 64;
            }
            Network net;
            try {
                net = Network.parse(network, allow);
            } catch (IllegalArgumentException e) {
                err.println("voxloop sandbox exec: " + e.getMessage());
                return 64;
            }
            SandboxLimits l = limits.get();
            try {
                l = timeout == null ? l : l.withWallTime(parseDuration(timeout));
            } catch (IllegalArgumentException e) {
                err.println("voxloop sandbox exec: --timeout: " + e.getMessage());
                return 64;
            }
            Sandbox s;
            SandboxResult r;
            try {
                s = sandbox.get();
                if (!s.isolates()) {
                    err.println("voxloop: WARNING " + s.describe());
                }
                r = s.run(new SandboxRequest(command, workspace.toAbsolutePath(), null, null, null, net, l, null));
            } catch (SandboxUnavailable e) {
                err.println("voxloop sandbox exec: " + e.getMessage());
                return 125;
            }
            out.print(r.output());
            out.flush();
            if (r.limitHit() != null) {
                err.println("[sandbox] " + r.limitHit().reason());
                return LIMIT_EXIT;
            }
            return r.exit() < 0 ? LIMIT_EXIT : r.exit();
        }

        private static Duration parseDuration(String text) {
            return new ConfigTree(java.util.Map.of("timeout", text)).duration("timeout", null);
        }
    }
}

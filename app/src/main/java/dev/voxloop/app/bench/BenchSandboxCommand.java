package dev.voxloop.app.bench;

import dev.voxloop.bench.guard.SandboxBench;
import dev.voxloop.core.sandbox.Sandbox;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code voxloop bench sandbox}: what the sandbox adds per command and per agent turn (docs/benchmarks.md). */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Time commands and agent turns in the bubblewrap sandbox against the none backend.")
final class BenchSandboxCommand implements Callable<Integer> {

    @Option(names = "--rounds", defaultValue = "30", description = "Runs of each case per backend")
    int rounds;

    private final Supplier<Sandbox> isolated;
    private final Supplier<Sandbox> host;
    private final PrintStream out;

    BenchSandboxCommand(Supplier<Sandbox> isolated, Supplier<Sandbox> host, PrintStream out) {
        this.isolated = isolated;
        this.host = host;
        this.out = out;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("voxloop-bench-sandbox-");
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Files.writeString(ws.resolve("README.md"), "bench\n");
        for (String[] git : new String[][] {{"init", "-q", "-b", "main"}, {"add", "-A"},
                {"-c", "user.name=bench", "-c", "user.email=bench@example.org", "commit", "-qm", "BENCH-0: start"}}) {
            String[] argv = new String[git.length + 1];
            argv[0] = "git";
            System.arraycopy(git, 0, argv, 1, git.length);
            new ProcessBuilder(argv).directory(ws.toFile()).inheritIO().start().waitFor();
        }
        out.print(new SandboxBench(isolated.get(), host.get(), dir.resolve("homes")).run(ws, rounds));
        return 0;
    }
}

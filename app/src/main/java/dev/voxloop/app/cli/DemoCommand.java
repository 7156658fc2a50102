package dev.voxloop.app.cli;

import dev.voxloop.app.demo.DemoRun;
import dev.voxloop.core.loop.LoopState;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code voxloop demo}: a sample repository (TrackIt), a VAT ticket, and a worker with the replay agent taking it
 * through red, green and the gates to a pushed branch, then on the built-in forge a pull request whose CI fails once,
 * one healing turn, green CI, the merge and the ticket Done. Needs a JDK and git, nothing else.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the agent loop end to end on a sample repository with the replay agent.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--dir", description = "where the sample repository, its origin and the workspace go"
            + " (default: a new temporary directory)")
    Path dir;

    @Option(names = "--project", defaultValue = "TRACK", description = "tracker project key for the ticket")
    String project;

    @Option(names = "--json", description = "print the progress on stderr and one JSON object with the outcome on"
            + " stdout")
    boolean json;

    private final Supplier<DemoRun> demo;
    private final PrintStream out;

    public DemoCommand(Supplier<DemoRun> demo) {
        this(demo, System.out);
    }

    public DemoCommand(Supplier<DemoRun> demo, PrintStream out) {
        this.demo = demo;
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        Path d = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("voxloop-demo-");
        DemoRun.Outcome o = demo.get().run(d, project, json ? System.err : out);
        if (json) {
            out.println(DemoJson.of(o));
        }
        LoopState end = o.run().state();
        return end == LoopState.MERGED || (o.forge() == null && end == LoopState.PUSHED) ? 0 : 1;
    }
}

package dev.voxloop.app.cli;

import dev.voxloop.core.loop.LoopRun;
import dev.voxloop.loop.LoopEngine;
import dev.voxloop.loop.worker.Worker;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code voxloop worker}: claims queued tickets and runs the loop on them until stopped (Ctrl-C finishes the
 * current step's save; an interrupted run is resumed by the next worker once its lease lapses).
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Claim queued tickets and run the agent loop on them.")
public final class WorkerCommand implements Callable<Integer> {

    @Option(names = "--id", description = "worker id (default host-pid-random)")
    String id;

    @Option(names = "--once", description = "run at most one queued ticket, then exit")
    boolean once;

    private final Supplier<LoopEngine> engine;
    private final PrintStream out;

    public WorkerCommand(Supplier<LoopEngine> engine) {
        this(engine, System.out);
    }

    public WorkerCommand(Supplier<LoopEngine> engine, PrintStream out) {
        this.engine = engine;
        this.out = out;
    }

    @Override
    public Integer call() {
        Worker w = engine.get().worker(id);
        if (once) {
            Optional<LoopRun> run = w.runOnce();
            out.println(run.map(r -> r.ticketKey() + ": " + r.state() + (r.reason() == null ? "" : " - " + r.reason()))
                    .orElse("nothing queued"));
            return 0;
        }
        out.println("voxloop worker " + w.id() + " waiting for queued tickets");
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            w.stop();
            main.interrupt();
        }));
        w.run();
        return 0;
    }
}

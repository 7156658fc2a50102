package dev.voxloop.app.cli;

import dev.voxloop.app.RunningServer;
import dev.voxloop.app.Voxloop;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;

/**
 * {@code voxloop doctor}: what is configured and whether each part answers. Ctrl-C or SIGTERM lets the check in
 * progress end (up to ten seconds; the checks only read) before the models and the database close.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Print what is configured (secrets masked) and whether each part is reachable. Exit 1 when an"
                + " essential part is not.")
public final class DoctorCommand implements Callable<Integer> {

    private final AppContext context;

    public DoctorCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var config = context.config();
        System.out.println("config file : " + (config.file() == null ? "(none; embedded defaults)" : config.file()));
        System.out.println("data dir    : " + config.dataDir());
        System.out.println("java        : " + Runtime.version() + " (" + System.getProperty("java.home") + ")");
        config.warnings().forEach(w -> System.out.println("warning     : " + w));
        System.out.println("server      : " + RunningServer.find(config.dataDir())
                .map(s -> "running at " + s.url() + " (pid " + s.pid() + ")")
                .orElse("not running (./voxloop serve starts it)"));
        AtomicBoolean checked = new AtomicBoolean();
        // before anything opens: a stop waits for the checks in progress, then closes models and database
        StopSignals signals = StopSignals.installSteps(() -> { }, ended -> System.out.println(checked.get()
                ? "voxloop doctor: stopped after the checks" : "voxloop doctor: stopped before every check ran"),
                context::close);
        return signals.step(() -> {
            int status = check();
            checked.set(true);
            return status;
        });
    }

    /** Runs the checks and prints each; 1 when an essential one failed. */
    private int check() {
        List<Voxloop.Check> checks;
        try {
            checks = context.app().checks();
        } catch (RuntimeException e) {
            // the database (or another part every check needs) cannot be opened: say so instead of a stack trace
            System.out.printf("%-12s: FAIL %s%n", "database", e.getMessage());
            return 1;
        }
        boolean essentialFailed = false;
        for (Voxloop.Check check : checks) {
            System.out.printf("%-12s: %s %s%n", check.name(), check.ok() ? "ok  " : (check.essential() ? "FAIL" : "warn"),
                    check.detail());
            essentialFailed |= check.essential() && !check.ok();
        }
        return essentialFailed ? 1 : 0;
    }
}

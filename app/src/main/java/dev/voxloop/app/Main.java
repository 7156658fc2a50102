package dev.voxloop.app;

import dev.voxloop.app.cli.AppContext;
import dev.voxloop.app.cli.Commands;
import dev.voxloop.app.cli.VoxloopCommand;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.intent.embedded.EmbeddedModels;
import dev.voxloop.speech.engine.moonshine.MoonshineModel;
import java.time.Duration;
import picocli.CommandLine;

/** Entry point of the runnable jar. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        StartupTime.begin();
        int code = run(args);
        // a model may still be loading in the background (the duplicate hint of a `say`): exiting under it crashes
        EmbeddedModels.close(Duration.ofSeconds(30));
        MoonshineModel.close(Duration.ofSeconds(30));
        System.exit(code);
    }

    public static int run(String... args) {
        Logging.configure();
        VoxloopCommand top = new VoxloopCommand();
        try (AppContext context = new AppContext(top.common)) {
            CommandLine cli = Commands.build(top, context, args);
            cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
                cmd.getErr().println("voxloop: " + describe(e));
                if (System.getenv("VOXLOOP_DEBUG") != null) {
                    e.printStackTrace(cmd.getErr());
                }
                return e instanceof Problem p && p.kind() == Problem.Kind.INVALID ? 2 : 1;
            });
            return cli.execute(args);
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        if (e instanceof IllegalArgumentException || e instanceof Problem) {
            return message;
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}

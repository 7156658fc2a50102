package dev.voxloop.app.bench;

import dev.voxloop.bench.intent.IntentBench;
import dev.voxloop.bench.intent.IntentBenchRun;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.intake.IntakeSettings;
import dev.voxloop.intent.IntentSettings;
import dev.voxloop.intent.ProjectsFile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code voxloop bench intent [--data dev.tsv]}: accuracy of type, priority, project and the clarify decision on
 * a labelled TSV (rules in shared/testdata/intent/README.md) and warm latency per request.
 */
@Command(name = "intent", mixinStandardHelpOptions = true,
        description = "Measure the intent extractor on a labelled set (accuracy and warm latency).")
public final class BenchIntentCommand implements Callable<Integer> {

    @Option(names = "--dataset", paramLabel = "TSV", description = "Labelled requests (default "
            + "../shared/testdata/intent/dev.tsv)")
    Path data = Path.of("../shared/testdata/intent/dev.tsv");

    @Option(names = "--projects", paramLabel = "FILE", description = "Projects file (default: projects.json "
            + "beside the data)")
    Path projects;

    @Option(names = "--extractor", paramLabel = "NAME", description = "embedded (default), rules, ollama, openai")
    String extractor;

    @Option(names = "--passes", paramLabel = "N", description = "Timed passes over the data (default 5)")
    int passes = 5;

    @Option(names = "--misses", description = "List the rows with a wrong field")
    boolean misses;

    @Spec
    CommandSpec spec;

    private final Supplier<ConfigTree> config;

    /** @param config the merged configuration (intent.* is read from it) */
    public BenchIntentCommand(Supplier<ConfigTree> config) {
        this.config = config;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(data)) {
            err.println("voxloop bench intent: no data file at " + data + " (use --data)");
            return 2;
        }
        Path projectsPath = projects != null ? projects : data.toAbsolutePath().getParent().resolve("projects.json");
        List<Project> known = ProjectsFile.read(projectsPath);
        List<IntentBench.Row> rows = IntentBench.read(data);
        IntentSettings settings = IntentSettings.from(config.get());
        if (extractor != null) {
            settings = settings.withExtractor(extractor);
        }
        new IntentBenchRun(settings, IntakeSettings.from(config.get()).maxRounds(), passes, misses)
                .run(data.toString(), rows, known, out);
        return 0;
    }
}

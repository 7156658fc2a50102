package dev.voxloop.app.bench;

import dev.voxloop.bench.intent.IntentBench;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.intent.IntentExtractor;
import dev.voxloop.core.intent.IntentRequest;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.intake.ClarificationPolicy;
import dev.voxloop.intake.IntakeSettings;
import dev.voxloop.intent.IntentExtractors;
import dev.voxloop.intent.IntentSettings;
import dev.voxloop.intent.ProjectsFile;
import dev.voxloop.intent.embedded.EmbeddedExtractor;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
        long t0 = System.nanoTime();
        IntentExtractor engine = IntentExtractors.create(settings);
        long created = System.nanoTime();
        long ready = created;
        if (engine instanceof EmbeddedExtractor embedded && !embedded.name().equals(EmbeddedExtractor.RULES_NAME)) {
            long deadline = created + settings.modelLoadWait().toNanos();
            while (!embedded.modelReady() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            ready = System.nanoTime();
        }
        long firstStart = System.nanoTime();
        engine.extract(IntentRequest.of(rows.getFirst().text(), known));
        long firstDone = System.nanoTime();
        IntentBench.Result r = new IntentBench(engine, new ClarificationPolicy(IntakeSettings.from(config.get()).maxRounds()))
                .run(rows, known, 2, passes);

        out.printf(Locale.ROOT, "intent bench: extractor=%s data=%s rows=%d%n", r.extractor(), data, r.rows());
        out.printf(Locale.ROOT, "machine: %d cores, %s, Java %s (%s)%n", Runtime.getRuntime().availableProcessors(),
                cpuModel(), System.getProperty("java.version"), System.getProperty("java.vm.name"));
        out.printf(Locale.ROOT, "accuracy: type %.1f%%  priority %.1f%%  project %.1f%%  clarify %.1f%%%n",
                100 * r.type(), 100 * r.priority(), 100 * r.project(), 100 * r.clarify());
        out.printf(Locale.ROOT, "latency warm (%d samples): p50 %.2f ms  p99 %.2f ms  mean %.2f ms%n",
                r.rows() * Math.max(1, passes), r.p50Millis(), r.p99Millis(), r.meanMillis());
        out.printf(Locale.ROOT, "start: create %.0f ms, embedding model ready after %.0f ms (background), first "
                + "request %.0f ms%n", (created - t0) / 1e6, (ready - created) / 1e6, (firstDone - firstStart) / 1e6);
        if (misses) {
            for (IntentBench.Outcome o : r.misses()) {
                out.printf(Locale.ROOT, "miss %s%s%s%s  %s  -> %s %s %s clarify=%s%n", o.typeOk() ? "." : "T",
                        o.priorityOk() ? "." : "P", o.projectOk() ? "." : "J", o.clarifyOk() ? "." : "C",
                        o.row().text(), o.extraction().draft().issueType(), o.extraction().draft().priority(),
                        o.extraction().draft().projectKey(), o.clarify());
            }
        }
        out.flush();
        return 0;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (Exception ignored) {
            // not Linux: the OS name will do
        }
        return System.getProperty("os.arch");
    }
}

package dev.voxloop.app.cli;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.speech.SpeechSettings;
import dev.voxloop.speech.engine.whisper.ModelDownload;
import dev.voxloop.speech.engine.whisper.ProgressBarProgress;
import dev.voxloop.speech.engine.whisper.WhisperModels;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code voxloop models pull NAME} and {@code voxloop models list}: whisper ggml models on this machine. */
@Command(name = "models", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "pull|list",
        description = "Manage whisper models (used when speech.engine is whisper).")
public final class ModelsCommand implements Callable<Integer> {

    private final Supplier<ConfigTree> config;
    private final PrintStream out;
    private final PrintStream err;

    public ModelsCommand(Supplier<ConfigTree> config) {
        this(config, System.out, System.err);
    }

    public ModelsCommand(Supplier<ConfigTree> config, PrintStream out, PrintStream err) {
        this.config = config;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Missing command: pull NAME or list");
    }

    @Command(name = "pull", mixinStandardHelpOptions = true,
            description = "Download a whisper ggml model (tiny.en, base.en, small.en, small, ...) with a progress"
                    + " bar; the file is kept only when its SHA-256 matches the expected or published digest.")
    int pull(@Parameters(paramLabel = "NAME") String name,
             @Option(names = "--sha256", paramLabel = "HEX", description = "Expected SHA-256 of the file") String sha,
             @Option(names = "--source", paramLabel = "URL",
                     description = "Base URL to download from (default: the whisper.cpp model repository)")
             String source,
             @Option(names = "--dir", paramLabel = "DIR", description = "Target directory (default"
                     + " speech.whisper.models_dir)") Path dir,
             @Option(names = "--force", description = "Download again even if the file is there") boolean force) {
        SpeechSettings s = SpeechSettings.from(config.get());
        WhisperModels models = new WhisperModels(dir != null ? dir : s.modelsDir(),
                source != null ? source : WhisperModels.DEFAULT_SOURCE);
        String n = name.toLowerCase(Locale.ROOT);
        if (!WhisperModels.known(n) && source == null) {
            err.println("voxloop: unknown model '" + name + "'; known: " + String.join(", ", WhisperModels.NAMES));
            return 2;
        }
        Path target = models.resolve(n);
        if (Files.exists(target) && !force) {
            out.println(target + " is already there (use --force to download again)");
            return 0;
        }
        try {
            ModelDownload.Result r = new ModelDownload().fetch(models.url(n), target, sha, new ProgressBarProgress());
            out.printf(Locale.ROOT, "%s  %d bytes  sha256 %s (%s)%n", r.file(), r.bytes(), r.sha256(),
                    r.checkedAgainst().equals("none published") ? "no digest published to check against"
                            : "verified");
            out.println("Use it with: speech.engine: whisper, speech.whisper.model: " + n);
            return 0;
        } catch (IOException e) {
            err.println("voxloop: " + e.getMessage());
            return 1;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Show known models and which are here.")
    int list() {
        SpeechSettings s = SpeechSettings.from(config.get());
        WhisperModels models = new WhisperModels(s.modelsDir(), WhisperModels.DEFAULT_SOURCE);
        for (String n : WhisperModels.NAMES) {
            Path p = models.resolve(n);
            out.printf(Locale.ROOT, "%-16s %s%n", n, Files.exists(p) ? p.toString() : "-");
        }
        return 0;
    }
}

package dev.voxloop.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.audio.AudioUpload;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.transcript.Transcript;
import dev.voxloop.server.http.system.ProblemStatus;
import dev.voxloop.speech.SpeechEngines;
import dev.voxloop.speech.SpeechSettings;
import dev.voxloop.speech.engine.WarmEngine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code voxloop transcribe [--engine NAME] [--json] FILE...}: one line per file with what the engine heard.
 * With --json each line is {@code {"file","text","engine","audio_seconds","decode_seconds"}} or
 * {@code {"file","error","status"}} for a file that could not be read or transcribed. Ctrl-C or SIGTERM lets the
 * file in progress end and print (up to ten seconds), says how many were done, and then closes the engine.
 */
@Command(name = "transcribe", mixinStandardHelpOptions = true,
        description = "Transcribe audio files (WAV, WebM/Opus, Ogg/Opus; MP3/FLAC/M4A with ffmpeg) with the"
                + " configured speech engine and print one line per file. Exit 0 when every file worked, 1 otherwise.")
public final class TranscribeCommand implements Callable<Integer> {

    private final Supplier<ConfigTree> config;
    private final Supplier<List<String>> vocabulary;
    private final PrintStream out;
    private final StopSignals.Setup stops;

    @Option(names = "--engine", paramLabel = "NAME",
            description = "offline, whisper, openai or remote (default: speech.engine, else offline)")
    String engine;

    @Option(names = "--json", description = "Print one JSON object per line")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Audio files")
    List<Path> files;

    /** @param config the merged configuration (speech.* keys) */
    public TranscribeCommand(Supplier<ConfigTree> config) {
        this(config, List::of, System.out, StopSignals.SIGNALLED);
    }

    /**
     * @param vocabulary tracker words (project names, keys) for the offline language model and prompts
     * @param out        where the lines go
     */
    public TranscribeCommand(Supplier<ConfigTree> config, Supplier<List<String>> vocabulary, PrintStream out) {
        this(config, vocabulary, out, StopSignals.IN_PROCESS);
    }

    private TranscribeCommand(Supplier<ConfigTree> config, Supplier<List<String>> vocabulary, PrintStream out,
                              StopSignals.Setup stops) {
        this.config = config;
        this.vocabulary = vocabulary;
        this.out = out;
        this.stops = stops;
    }

    @Override
    public Integer call() {
        SpeechSettings settings = SpeechSettings.from(config.get());
        if (engine != null) {
            settings = settings.withEngine(engine.toLowerCase(Locale.ROOT));
        }
        ObjectMapper mapper = new ObjectMapper();
        AtomicInteger done = new AtomicInteger();
        // before the engine opens: a stop waits for the file in progress and the models; the engine is left to the
        // exit (closed under a decode that outlived the wait, a native engine would crash the JVM)
        StopSignals signals = stops.install(() -> { }, ended -> out.println("voxloop transcribe: stopped after "
                + done.get() + " of " + files.size() + " file(s)" + (ended ? "" : ", in the middle of the next")
                + "; the rest were not transcribed"), () -> { });
        SpeechSettings chosen = settings;
        WarmEngine speech = signals.step(() -> SpeechEngines.create(chosen, vocabulary));
        int failures = 0;
        try (speech) {
            signals.step(() -> {
                speech.warm();
                return null;
            });
            for (Path file : files) {
                boolean failed = signals.step(() -> {
                    ObjectNode line = transcribe(speech, mapper, file);
                    print(mapper, line);
                    done.incrementAndGet();
                    return line.has("error");
                });
                failures += failed ? 1 : 0;
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private static ObjectNode transcribe(WarmEngine speech, ObjectMapper mapper, Path file) {
        ObjectNode line = mapper.createObjectNode().put("file", file.toString());
        try {
            byte[] bytes = Files.readAllBytes(file);
            Transcript t = speech.transcribe(new AudioUpload(bytes, file.getFileName().toString(), null));
            line.put("text", t.text()).put("engine", t.engine())
                    .put("audio_seconds", round(t.audioSeconds()))
                    .put("decode_seconds", round(t.decodeSeconds()));
            if (t.confidence() != null) {
                line.put("confidence", round(t.confidence()));
            }
        } catch (IOException e) {
            line.put("error", "cannot read the file: " + e.getClass().getSimpleName()
                    .replace("NoSuchFileException", "no such file"));
        } catch (Problem p) {
            line.put("error", p.getMessage()).put("status", ProblemStatus.of(p.kind()));
        }
        return line;
    }

    private void print(ObjectMapper mapper, ObjectNode line) {
        if (json) {
            try {
                out.println(mapper.writeValueAsString(line));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        } else if (line.has("error")) {
            out.println(line.get("file").asText() + ": error: " + line.get("error").asText());
        } else {
            out.printf(Locale.ROOT, "%s: %s  [%s, %.1f s audio, %.2f s]%n", line.get("file").asText(),
                    line.get("text").asText(), line.get("engine").asText(), line.get("audio_seconds").asDouble(),
                    line.get("decode_seconds").asDouble());
        }
        out.flush();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}

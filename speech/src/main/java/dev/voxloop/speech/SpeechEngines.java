package dev.voxloop.speech;

import dev.voxloop.speech.audio.AudioIntake;
import dev.voxloop.speech.audio.FfmpegDecoder;
import dev.voxloop.speech.engine.RecognizerLoader;
import dev.voxloop.speech.engine.WarmEngine;
import dev.voxloop.speech.engine.moonshine.MoonshineRecognizer;
import dev.voxloop.speech.engine.offline.DomainModel;
import dev.voxloop.speech.engine.offline.SphinxRecognizer;
import dev.voxloop.speech.engine.offline.SphinxTuning;
import dev.voxloop.speech.engine.openai.OpenAiRecognizer;
import dev.voxloop.speech.engine.pocketsphinx.PocketSphinxModel;
import dev.voxloop.speech.engine.pocketsphinx.PocketSphinxRecognizer;
import dev.voxloop.speech.engine.pocketsphinx.PocketSphinxTuning;
import dev.voxloop.speech.engine.remote.RemoteRecognizer;
import dev.voxloop.speech.engine.whisper.WhisperModels;
import dev.voxloop.speech.engine.whisper.WhisperProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Builds the configured speech engine. Creation returns at once: models load (and the offline engine's
 * language model is built from the corpus and the tracker vocabulary) on a background thread; requests that
 * arrive before that wait up to {@link SpeechSettings#startupWait()}.
 */
public final class SpeechEngines {

    private SpeechEngines() {
    }

    /**
     * @param trackerVocabulary project names and keys and component words from the tracker; read once at
     *                          start-up by the offline engines (language model) and per request by whisper and
     *                          openai (prompt)
     */
    public static WarmEngine create(SpeechSettings s, Supplier<List<String>> trackerVocabulary) {
        Supplier<List<String>> vocabulary = safe(trackerVocabulary);
        EngineChoice choice = EngineChoice.of(s);
        boolean sphinx = choice.engine().equals("pocketsphinx") || choice.engine().equals("sphinx4");
        AudioIntake intake = new AudioIntake(s.maxAudioSeconds(), new FfmpegDecoder(s.ffmpeg()),
                s.silenceFloorDbfs(), sphinx);
        RecognizerLoader loader = switch (choice.engine()) {
            case "moonshine" -> () -> new MoonshineRecognizer(s.moonshineSize(), s.moonshineBeam(), vocabulary);
            case "pocketsphinx" -> pocketSphinx(s, vocabulary);
            case "sphinx4" -> sphinx4(s, vocabulary);
            case "whisper" -> () -> new WhisperProcess(new WhisperModels(s.modelsDir(), WhisperModels.DEFAULT_SOURCE)
                    .resolve(s.whisperModel()), Math.max(1, Runtime.getRuntime().availableProcessors()),
                    Arrays.stream(s.whisperJavaOptions().split("\\s+")).filter(o -> !o.isBlank()).toList(),
                    s.language(), vocabulary);
            case "openai" -> () -> new OpenAiRecognizer(s.openaiUrl(), s.openaiKey(), s.openaiModel(), s.language(),
                    vocabulary, s.timeout());
            case "remote" -> () -> new RemoteRecognizer(s.remoteUrl(), s.timeout());
            default -> throw new IllegalArgumentException("unknown speech engine " + choice.engine());
        };
        return new WarmEngine(choice.name(), choice.describe(), loader, intake, s.threads(), s.queue(), s.timeout(),
                s.startupWait());
    }

    private static RecognizerLoader pocketSphinx(SpeechSettings s, Supplier<List<String>> vocabulary) {
        Supplier<DomainModel> domain = domainModel(s, vocabulary);
        PocketSphinxModel model = PocketSphinxModel.in(s.pocketSphinxDir());
        return () -> new PocketSphinxRecognizer(model, domain.get().languageModel(), domain.get().dictionary(),
                PocketSphinxTuning.defaults());
    }

    private static RecognizerLoader sphinx4(SpeechSettings s, Supplier<List<String>> vocabulary) {
        Supplier<DomainModel> domain = domainModel(s, vocabulary);
        return () -> new SphinxRecognizer(domain.get(), SphinxTuning.defaults());
    }

    /** Built once, on first use (a background thread at start-up), shared by every recogniser of the engine. */
    private static Supplier<DomainModel> domainModel(SpeechSettings s, Supplier<List<String>> vocabulary) {
        AtomicReference<DomainModel> model = new AtomicReference<>();
        return () -> {
            synchronized (model) {
                if (model.get() == null) {
                    model.set(DomainModel.build(vocabulary.get(), workDir(s)));
                }
                return model.get();
            }
        };
    }

    private static Path workDir(SpeechSettings s) {
        try {
            if (s.workDir() != null) {
                return Files.createDirectories(s.workDir());
            }
            Path dir = Files.createTempDirectory("voxloop-speech-");
            // deleted when the process stops, but only once no recogniser loads from it any more (deleted under a
            // decoder reading it, the load failed as a broken language model)
            var loads = dev.voxloop.speech.engine.RecognizerLoads.process();
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> loads.deleteAfterLoads(dir, loads.stopWait()),
                        "voxloop-speech-workdir"));
            } catch (IllegalStateException stopping) {
                // the process began stopping before this load got here: load nothing more
                Files.deleteIfExists(dir);
                throw new dev.voxloop.speech.engine.RecognizerLoads.Stopped();
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tracker may be down at start-up: transcription must still work, with the corpus alone. */
    private static Supplier<List<String>> safe(Supplier<List<String>> vocabulary) {
        return () -> {
            try {
                List<String> v = vocabulary == null ? null : vocabulary.get();
                return v == null ? List.of() : v;
            } catch (RuntimeException e) {
                return List.of();
            }
        };
    }
}

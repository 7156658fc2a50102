package dev.voxloop.speech;

import dev.voxloop.speech.engine.moonshine.MoonshineModel;
import dev.voxloop.speech.engine.pocketsphinx.PocketSphinxModel;
import dev.voxloop.speech.engine.whisper.WhisperModels;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which recogniser a configured {@code speech.engine} means on this machine, and what a person should expect
 * from it. {@code auto} (the default) takes whisper as soon as its model has been pulled, else the offline
 * engine; {@code offline} is Moonshine, whose model is built into the jar; a jar built without it falls back to
 * PocketSphinx when Debian's libpocketsphinx3 and pocketsphinx-en-us are installed, else to the pure-Java Sphinx4
 * domain recogniser.
 *
 * @param name   the engine's name as reported (transcripts, /health)
 * @param engine the recogniser behind it: moonshine, pocketsphinx, sphinx4, whisper, openai or remote
 * @param reason why this one, when it is a fallback or a discovery (else empty)
 */
public record EngineChoice(String name, String engine, String reason, SpeechSettings settings) {

    public static EngineChoice of(SpeechSettings s) {
        return switch (s.engine()) {
            case "auto" -> {
                Path whisper = new WhisperModels(s.modelsDir(), WhisperModels.DEFAULT_SOURCE).resolve(s.whisperModel());
                yield Files.isRegularFile(whisper)
                        ? new EngineChoice("whisper", "whisper", "a whisper model was pulled: " + whisper, s)
                        : offline(s, "no whisper model in " + s.modelsDir() + " (voxloop models pull "
                        + s.whisperModel() + ")");
            }
            case "offline" -> offline(s, "");
            default -> new EngineChoice(s.engine(), s.engine(), "", s);
        };
    }

    private static EngineChoice offline(SpeechSettings s, String why) {
        if (MoonshineModel.available(s.moonshineSize())) {
            return new EngineChoice("offline", "moonshine", why, s);
        }
        why = join(why, "this build has no Moonshine model");
        String missing = PocketSphinxModel.in(s.pocketSphinxDir()).missing();
        return missing == null ? new EngineChoice("offline", "pocketsphinx", why, s)
                : new EngineChoice("offline", "sphinx4", join(why, "PocketSphinx unavailable: " + missing), s);
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "; " + b;
    }

    /** One line for `serve` and `doctor`: the engine, and what accuracy to expect from it. */
    public String describe() {
        String what = switch (engine) {
            case "moonshine" -> "Moonshine " + settings.moonshineModel() + ", built in: expect about 1 word in 8"
                    + " wrong for a clear voice, 1 in 5 for real recordings and robotic voices (10-14 % word error"
                    + " rate on held-out requests, 14-22 % for robotic voices, 19 % on real clips; docs/benchmarks.md), so"
                    + " words it is unsure of are shown for confirmation; whisper remains the recommended engine"
                    + " (voxloop models pull base.en)";
            case "pocketsphinx" -> "PocketSphinx with a general English model and the tracker's ticket words;"
                    + " expect about 1 word in 5 wrong for a clear natural voice and 1 in 3 for real recordings"
                    + " (17-23 % word error rate on held-out requests, 33 % on real clips; docs/benchmarks.md), so"
                    + " words it is unsure of are shown for confirmation; whisper is recommended"
                    + " (voxloop models pull base.en)";
            case "sphinx4" -> "Sphinx4 with a ticket-phrase model only: template-like requests come through,"
                    + " free speech mostly does not (70-90 % of words wrong); install " + PocketSphinxModel.PACKAGES
                    + " or pull a whisper model";
            case "whisper" -> "whisper.cpp, model " + settings.whisperModel() + " (recommended): the most accurate"
                    + " engine here on free speech (not measured on this machine; docs/benchmarks.md)";
            case "openai" -> "OpenAI-compatible server at " + settings.openaiUrl() + ", model " + settings.openaiModel();
            case "remote" -> "Whisper box at " + settings.remoteUrl();
            default -> engine;
        };
        return name + ": " + what + (reason.isEmpty() ? "" : " [" + reason + "]");
    }
}

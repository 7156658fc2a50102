package dev.voxloop.speech;

import dev.voxloop.core.config.ConfigKey;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.speech.engine.pocketsphinx.PocketSphinxModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Settings of the speech module, read from the {@code speech.*} part of the configuration.
 *
 * @param engine           auto | offline | pocketsphinx | sphinx4 | whisper | openai | remote
 * @param maxAudioSeconds  longer recordings are refused (413)
 * @param threads          recognisers working at once (each holds its own model in memory)
 * @param queue            requests that may wait for a free recogniser; more get 429
 * @param timeout          limit for one transcription
 * @param startupWait      how long a request waits for the models to finish loading at start-up
 * @param ffmpeg           ffmpeg command for MP3/FLAC/M4A ("ffmpeg" = look it up on PATH)
 * @param silenceFloorDbfs audio quieter than this everywhere is "silent"
 * @param workDir          where the offline engine writes its generated language model (null = temp dir)
 * @param pocketSphinxDir  PocketSphinx's US English model (acoustic model, dictionary, general language model)
 * @param whisperModel     ggml model name ("base.en") or path to a .bin file
 * @param modelsDir        where `voxloop models pull` puts models and the whisper engine looks for them
 * @param whisperJavaOptions JVM options of the whisper child process
 * @param remoteUrl        base URL of an original-system Whisper box (POST {url}/api/transcribe)
 * @param openaiUrl        base URL of an OpenAI-compatible server (".../v1")
 * @param openaiKey        bearer key (secret; may be empty for local servers)
 * @param openaiModel      model name sent to the OpenAI-compatible server
 * @param language         ISO-639-1 language of the speech
 */
public record SpeechSettings(String engine, double maxAudioSeconds, int threads, int queue, Duration timeout,
                             Duration startupWait, String ffmpeg, double silenceFloorDbfs, Path workDir,
                             Path pocketSphinxDir, String whisperModel, Path modelsDir, String whisperJavaOptions, String remoteUrl,
                             String openaiUrl, String openaiKey, String openaiModel, String language) {

    public static final List<String> ENGINES = List.of("auto", "offline", "pocketsphinx", "sphinx4", "whisper",
            "openai", "remote");

    public static final List<ConfigKey> KEYS = List.of(
            ConfigKey.of("speech.engine", "Speech engine: auto (default: whisper once a model is pulled, else"
                    + " offline), offline (PocketSphinx when installed, else Sphinx4), pocketsphinx, sphinx4,"
                    + " whisper (whisper.cpp, needs a model), openai (OpenAI-compatible server) or remote (original"
                    + " system's Whisper box). none turns audio off (503). WHISPER_BACKEND=local means whisper.",
                    "WHISPER_BACKEND", "VOXLOOP_SPEECH_ENGINE"),
            ConfigKey.of("speech.max_audio_seconds", "Longest recording accepted, in seconds (default 120)",
                    "VOXLOOP_SPEECH_MAX_SECONDS"),
            ConfigKey.of("speech.threads", "Transcriptions run at once; each holds its own model (default 1)",
                    "VOXLOOP_SPEECH_THREADS"),
            ConfigKey.of("speech.queue", "Transcriptions that may wait for a free engine before 429 (default 8)",
                    "VOXLOOP_SPEECH_QUEUE"),
            ConfigKey.of("speech.timeout", "Time limit for one transcription (default 60s)",
                    "VOXLOOP_SPEECH_TIMEOUT"),
            ConfigKey.of("speech.startup_wait", "How long a request waits for the engine to finish loading"
                    + " (default 60s)", "VOXLOOP_SPEECH_STARTUP_WAIT"),
            ConfigKey.of("speech.ffmpeg", "ffmpeg command used for MP3/FLAC/M4A uploads (default: ffmpeg on PATH)",
                    "VOXLOOP_FFMPEG"),
            ConfigKey.of("speech.silence_floor_dbfs", "Level below which a recording counts as silent (default -50)",
                    "VOXLOOP_SPEECH_SILENCE_DBFS"),
            ConfigKey.of("speech.work_dir", "Directory for the offline engine's generated language model"
                    + " (default: a temp directory)", "VOXLOOP_SPEECH_WORK_DIR"),
            ConfigKey.of("speech.pocketsphinx.model_dir", "PocketSphinx US English model directory"
                    + " (default /usr/share/pocketsphinx/model/en-us, Debian's pocketsphinx-en-us)",
                    "VOXLOOP_POCKETSPHINX_MODEL_DIR"),
            ConfigKey.of("speech.whisper.model", "Whisper ggml model: a name (tiny.en, base.en, small.en, small,"
                    + " ...) looked up in speech.whisper.models_dir, or a path to a .bin file (default base.en)",
                    "WHISPER_MODEL", "VOXLOOP_WHISPER_MODEL"),
            ConfigKey.of("speech.whisper.models_dir", "Where `voxloop models pull` stores models"
                    + " (default ~/.cache/voxloop/models)", "VOXLOOP_MODELS_DIR"),
            ConfigKey.of("speech.whisper.java_options", "JVM options of the whisper child process"
                    + " (default -Xmx256m)", "VOXLOOP_WHISPER_JAVA_OPTIONS"),
            ConfigKey.of("speech.remote.url", "Base URL of a Whisper box speaking POST /api/transcribe",
                    "WHISPER_REMOTE_URL", "VOXLOOP_SPEECH_REMOTE_URL"),
            ConfigKey.of("speech.openai.url", "Base URL of an OpenAI-compatible server, up to /v1"
                    + " (default https://api.openai.com/v1)", "OPENAI_BASE_URL", "VOXLOOP_OPENAI_URL"),
            ConfigKey.secret("speech.openai.key", "API key for the OpenAI-compatible server", "OPENAI_API_KEY"),
            ConfigKey.of("speech.openai.model", "Transcription model name (default whisper-1)",
                    "VOXLOOP_OPENAI_STT_MODEL"),
            ConfigKey.of("speech.language", "Language of the speech, ISO-639-1 (default en)",
                    "VOXLOOP_SPEECH_LANGUAGE"));

    public SpeechSettings {
        if (!ENGINES.contains(engine)) {
            throw new IllegalArgumentException("speech.engine: expected one of " + ENGINES + ", got '" + engine + "'");
        }
        if (threads < 1 || queue < 0 || maxAudioSeconds <= 0) {
            throw new IllegalArgumentException("speech: threads must be >= 1, queue >= 0, max-audio-seconds > 0");
        }
    }

    public static SpeechSettings defaults() {
        return from(ConfigTree.empty());
    }

    public static SpeechSettings from(ConfigTree c) {
        String engine = c.string("speech.engine", "auto").toLowerCase(Locale.ROOT);
        if (engine.equals("local")) {
            engine = "whisper"; // the original system's WHISPER_BACKEND=local
        }
        String home = System.getProperty("user.home");
        return new SpeechSettings(engine,
                c.decimal("speech.max_audio_seconds", 120),
                c.integer("speech.threads", 1),
                c.integer("speech.queue", 8),
                c.duration("speech.timeout", Duration.ofSeconds(60)),
                c.duration("speech.startup_wait", Duration.ofSeconds(60)),
                c.string("speech.ffmpeg", "ffmpeg"),
                c.decimal("speech.silence_floor_dbfs", -50),
                c.string("speech.work_dir").map(Path::of).orElse(null),
                Path.of(c.string("speech.pocketsphinx.model_dir", PocketSphinxModel.DEBIAN.toString())),
                c.string("speech.whisper.model", "base.en"),
                Path.of(c.string("speech.whisper.models_dir", home + "/.cache/voxloop/models")),
                c.string("speech.whisper.java_options", "-Xmx256m"),
                c.string("speech.remote.url").orElse(null),
                c.string("speech.openai.url", "https://api.openai.com/v1"),
                c.string("speech.openai.key", ""),
                c.string("speech.openai.model", "whisper-1"),
                c.string("speech.language", "en"));
    }

    public SpeechSettings withEngine(String name) {
        return new SpeechSettings(name, maxAudioSeconds, threads, queue, timeout, startupWait, ffmpeg,
                silenceFloorDbfs, workDir, pocketSphinxDir, whisperModel, modelsDir, whisperJavaOptions, remoteUrl, openaiUrl,
                openaiKey, openaiModel, language);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "SpeechSettings[engine=" + engine + ", threads=" + threads + ", timeout=" + timeout
                + ", whisperModel=" + whisperModel + ", remoteUrl=" + remoteUrl + ", openaiUrl=" + openaiUrl
                + ", openaiKey=" + (openaiKey.isEmpty() ? "(none)" : "***") + "]";
    }
}

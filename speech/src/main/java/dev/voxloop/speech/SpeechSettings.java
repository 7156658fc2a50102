package dev.voxloop.speech;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.config.Key;
import dev.voxloop.core.config.Settings;
import dev.voxloop.speech.engine.moonshine.MoonshineSize;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Settings of the speech module ({@code speech.*} in voxloop.yaml), each key declared once on its component. */
public record SpeechSettings(
        @Key(path = "speech.engine", fallback = "auto", env = {"WHISPER_BACKEND", "VOXLOOP_SPEECH_ENGINE"},
                doc = "Speech engine: auto (whisper once a model is pulled, else offline), offline (Moonshine, built"
                        + " into the jar; PocketSphinx or Sphinx4 in a jar built without it), moonshine, pocketsphinx,"
                        + " sphinx4, whisper (whisper.cpp,"
                        + " needs a model), openai (OpenAI-compatible server) or remote (a Whisper box speaking POST"
                        + " /api/transcribe); none turns audio off (503). WHISPER_BACKEND=local means whisper.")
        String engine,
        @Key(path = "speech.max_audio_seconds", fallback = "120", env = "VOXLOOP_SPEECH_MAX_SECONDS",
                doc = "Longest recording accepted, in seconds; longer ones are refused (413)")
        double maxAudioSeconds,
        @Key(path = "speech.threads", fallback = "1", env = "VOXLOOP_SPEECH_THREADS",
                doc = "Transcriptions run at once; each holds its own model in memory")
        int threads,
        @Key(path = "speech.queue", fallback = "8", env = "VOXLOOP_SPEECH_QUEUE",
                doc = "Transcriptions that may wait for a free engine before 429")
        int queue,
        @Key(path = "speech.timeout", fallback = "60s", env = "VOXLOOP_SPEECH_TIMEOUT",
                doc = "Time limit for one transcription")
        Duration timeout,
        @Key(path = "speech.startup_wait", fallback = "60s", env = "VOXLOOP_SPEECH_STARTUP_WAIT",
                doc = "How long a request waits for the engine to finish loading at start-up")
        Duration startupWait,
        @Key(path = "speech.ffmpeg", fallback = "ffmpeg", env = "VOXLOOP_FFMPEG",
                doc = "ffmpeg command used for MP3/FLAC/M4A uploads (a bare name is looked up on PATH)")
        String ffmpeg,
        @Key(path = "speech.silence_floor_dbfs", fallback = "-50", env = "VOXLOOP_SPEECH_SILENCE_DBFS",
                doc = "Level below which a recording counts as silent")
        double silenceFloorDbfs,
        @Key(path = "speech.work_dir", env = "VOXLOOP_SPEECH_WORK_DIR",
                doc = "Directory for the offline engine's generated language model (unset: a temp directory)")
        Path workDir,
        @Key(path = "speech.pocketsphinx.model_dir", fallback = "/usr/share/pocketsphinx/model/en-us",
                env = "VOXLOOP_POCKETSPHINX_MODEL_DIR",
                doc = "PocketSphinx US English model: acoustic model, dictionary and general language model"
                        + " (Debian's pocketsphinx-en-us)")
        Path pocketSphinxDir,
        @Key(path = "speech.moonshine.model", fallback = "base", env = "VOXLOOP_MOONSHINE_MODEL",
                doc = "Moonshine model of the offline engine: base (fewer words wrong) or tiny (a third of the"
                        + " CPU time)")
        String moonshineModel,
        @Key(path = "speech.moonshine.beam", fallback = "4", env = "VOXLOOP_MOONSHINE_BEAM",
                doc = "How many readings Moonshine keeps while it writes (beam search); they are the N best the"
                        + " extractor weighs. 1 is greedy decoding, the fastest")
        int moonshineBeam,
        @Key(path = "speech.whisper.model", fallback = "base.en", env = {"WHISPER_MODEL", "VOXLOOP_WHISPER_MODEL"},
                doc = "Whisper ggml model: a name (tiny.en, base.en, small.en, small, ...) looked up in"
                        + " speech.whisper.models_dir, or a path to a .bin file")
        String whisperModel,
        @Key(path = "speech.whisper.models_dir", fallback = "~/.cache/voxloop/models", env = "VOXLOOP_MODELS_DIR",
                doc = "Where `voxloop models pull` stores models and the whisper engine looks for them")
        Path modelsDir,
        @Key(path = "speech.whisper.java_options", fallback = "-Xmx256m", env = "VOXLOOP_WHISPER_JAVA_OPTIONS",
                doc = "JVM options of the whisper child process")
        String whisperJavaOptions,
        @Key(path = "speech.remote.url", env = {"WHISPER_REMOTE_URL", "VOXLOOP_SPEECH_REMOTE_URL"},
                doc = "Base URL of a Whisper box speaking POST {url}/api/transcribe")
        String remoteUrl,
        @Key(path = "speech.openai.url", fallback = "https://api.openai.com/v1", env = "VOXLOOP_OPENAI_URL",
                defaultFrom = "intent.openai.base_url",
                doc = "Base URL of an OpenAI-compatible transcription server, up to /v1 (unset: the intent"
                        + " extractor's, OPENAI_BASE_URL)")
        String openaiUrl,
        @Key(path = "speech.openai.key", secret = true, env = "VOXLOOP_SPEECH_OPENAI_KEY",
                defaultFrom = "intent.openai.api_key",
                doc = "API key for the OpenAI-compatible transcription server (unset: the intent extractor's,"
                        + " OPENAI_API_KEY)")
        String openaiKey,
        @Key(path = "speech.openai.model", fallback = "whisper-1", env = "VOXLOOP_OPENAI_STT_MODEL",
                doc = "Transcription model name sent to the OpenAI-compatible server")
        String openaiModel,
        @Key(path = "speech.language", fallback = "en", env = "VOXLOOP_SPEECH_LANGUAGE",
                doc = "Language of the speech, ISO-639-1")
        String language) {

    public static final List<String> ENGINES = List.of("auto", "offline", "moonshine", "pocketsphinx", "sphinx4",
            "whisper",
            "openai", "remote");

    public SpeechSettings {
        engine = engine.strip().toLowerCase(Locale.ROOT);
        if (engine.equals("local")) {
            engine = "whisper"; // SEJFA deployments say WHISPER_BACKEND=local for the local Whisper
        }
        if (!ENGINES.contains(engine)) {
            throw new IllegalArgumentException("speech.engine: expected one of " + ENGINES + ", got '" + engine + "'");
        }
        if (moonshineBeam < 1 || moonshineBeam > 16) {
            throw new IllegalArgumentException("speech.moonshine.beam: expected 1 to 16, got " + moonshineBeam);
        }
        if (threads < 1 || queue < 0 || maxAudioSeconds <= 0) {
            throw new IllegalArgumentException("speech: threads must be >= 1, queue >= 0, max_audio_seconds > 0, got "
                    + threads + ", " + queue + ", " + maxAudioSeconds);
        }
        openaiKey = openaiKey == null ? "" : openaiKey;
        moonshineModel = MoonshineSize.of(moonshineModel).label();
    }

    public MoonshineSize moonshineSize() {
        return MoonshineSize.of(moonshineModel);
    }

    public static SpeechSettings defaults() {
        return from(ConfigTree.empty());
    }

    public static SpeechSettings from(ConfigTree c) {
        return Settings.bind(SpeechSettings.class, c);
    }

    public SpeechSettings withEngine(String name) {
        return new SpeechSettings(name, maxAudioSeconds, threads, queue, timeout, startupWait, ffmpeg,
                silenceFloorDbfs, workDir, pocketSphinxDir, moonshineModel, moonshineBeam, whisperModel, modelsDir, whisperJavaOptions,
                remoteUrl, openaiUrl,
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

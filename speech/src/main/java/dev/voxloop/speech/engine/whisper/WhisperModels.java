package dev.voxloop.speech.engine.whisper;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Whisper ggml models by name ("tiny.en", "base.en", "small.en", "small", "large-v3", ...): where they live on
 * disk and where `voxloop models pull` fetches them from (the whisper.cpp model repository, or a mirror).
 */
public final class WhisperModels {

    public static final String DEFAULT_SOURCE = "https://huggingface.co/ggerganov/whisper.cpp/resolve/main";

    public static final List<String> NAMES = List.of("tiny", "tiny.en", "base", "base.en", "small", "small.en",
            "medium", "medium.en", "large-v1", "large-v2", "large-v3", "large-v3-turbo");

    private final Path dir;
    private final String source;

    public WhisperModels(Path dir, String source) {
        this.dir = dir;
        this.source = source.replaceAll("/+$", "");
    }

    /** A configured model: a path when it looks like one, else a name in the models directory. */
    public Path resolve(String nameOrPath) {
        if (nameOrPath.contains("/") || nameOrPath.endsWith(".bin")) {
            return Path.of(nameOrPath);
        }
        return dir.resolve(fileName(nameOrPath));
    }

    public static String fileName(String name) {
        return "ggml-" + name.toLowerCase(Locale.ROOT) + ".bin";
    }

    public URI url(String name) {
        return URI.create(source + "/" + fileName(name));
    }

    public Path dir() {
        return dir;
    }

    public static boolean known(String name) {
        return NAMES.contains(name.toLowerCase(Locale.ROOT));
    }
}

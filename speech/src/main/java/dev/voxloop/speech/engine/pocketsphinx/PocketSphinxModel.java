package dev.voxloop.speech.engine.pocketsphinx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where PocketSphinx's US English model lives: Debian's pocketsphinx-en-us package installs the acoustic model
 * (en-us/), the CMU pronouncing dictionary and a general English trigram model (en-us.lm.bin, about 72,000
 * words) under /usr/share/pocketsphinx/model/en-us.
 */
public record PocketSphinxModel(Path acousticModel, Path dictionary, Path generalLanguageModel) {

    public static final Path DEBIAN = Path.of("/usr/share/pocketsphinx/model/en-us");

    /** What `apt-get install` brings the library and the model. */
    public static final String PACKAGES = "libpocketsphinx3 pocketsphinx-en-us";

    public static PocketSphinxModel in(Path dir) {
        return new PocketSphinxModel(dir.resolve("en-us"), dir.resolve("cmudict-en-us.dict"),
                dir.resolve("en-us.lm.bin"));
    }

    /** Null when the model files and the native library are there, else what is missing, for a person. */
    public String missing() {
        for (Path p : new Path[] {acousticModel.resolve("mdef"), dictionary, generalLanguageModel}) {
            if (!Files.isRegularFile(p)) {
                return p + " is missing (apt-get install " + PACKAGES + ")";
            }
        }
        try {
            PocketSphinxLibrary.load();
            return null;
        } catch (LinkageError e) {
            return "the PocketSphinx library cannot be loaded (apt-get install " + PACKAGES + ")";
        }
    }

    /** The words of the dictionary (alternative pronunciations "word(2)" folded into "word"). */
    public Set<String> dictionaryWords() {
        Set<String> words = new HashSet<>(140_000);
        try (Stream<String> lines = Files.lines(dictionary, StandardCharsets.UTF_8)) {
            lines.forEach(line -> {
                int sp = line.indexOf(' ');
                if (sp > 0) {
                    String w = line.substring(0, sp);
                    int paren = w.indexOf('(');
                    words.add(paren > 0 ? w.substring(0, paren) : w);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}

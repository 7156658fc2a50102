package dev.voxloop.speech.engine.offline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Search settings for Sphinx4. Written into a copy of Sphinx's own default.config.xml (Sphinx reads its beams
 * from that file's global properties), with the speed and memory monitors removed, logging turned down and a
 * per-utterance cepstral mean instead of the running one.
 */
public record SphinxTuning(int absoluteBeamWidth, double relativeBeamWidth, int absoluteWordBeamWidth,
                           double relativeWordBeamWidth, double wordInsertionProbability, double languageWeight) {

    /** Measured on held-out synthetic ticket requests (docs/benchmarks.md (Speech)). */
    public static SphinxTuning defaults() {
        return new SphinxTuning(2000, 1e-40, 100, 1e-30, 0.1, 8.0);
    }

    Path writeConfig(Path dir) {
        String xml;
        try (InputStream in = SphinxTuning.class.getResourceAsStream("/edu/cmu/sphinx/api/default.config.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = Map.of("logLevel", "WARNING",
                "absoluteBeamWidth", String.valueOf(absoluteBeamWidth),
                "relativeBeamWidth", String.valueOf(relativeBeamWidth),
                "absoluteWordBeamWidth", String.valueOf(absoluteWordBeamWidth),
                "relativeWordBeamWidth", String.valueOf(relativeWordBeamWidth),
                "wordInsertionProbability", String.valueOf(wordInsertionProbability),
                "languageWeight", String.valueOf(languageWeight));
        for (Map.Entry<String, String> v : values.entrySet()) {
            xml = xml.replaceFirst("<property name=\"" + v.getKey() + "\"\\s+value=\"[^\"]*\"/>",
                    "<property name=\"" + v.getKey() + "\" value=\"" + v.getValue() + "\"/>");
        }
        xml = xml.replaceAll("<item>speedTracker</item>|<item>memoryTracker</item>", "");
        // the live front end's running cepstral mean carries from one request to the next (so the same audio
        // gave different words) and is left half-initialised by audio without speech; the batch mean is
        // computed from each utterance alone
        xml = xml.replace("<item>liveCMN </item>", "<item>batchCMN </item>");
        try {
            Path file = dir.resolve("sphinx.config.xml");
            Files.writeString(file, xml, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.voxloop.bench.speech;

import dev.voxloop.core.transcript.Hypothesis;
import dev.voxloop.core.transcript.WordErrorRate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back what a {@code --verbose} run printed per clip (the reference, the transcript, its readings and their
 * weights), so the extractor's side of the end-to-end figure can be measured again on the same transcripts
 * without decoding the audio again. Timing and audio are not in the log: those figures need a real run.
 */
public final class VerboseLog {

    private static final Pattern CLIP = Pattern.compile(
            "^ {2}(\\S+)\\s+(\\S+/\\S+)\\s+(s\\d+|\\S+)\\s+wer\\s+[0-9.]+%\\s+conf\\s+(\\S+)$");
    private static final Pattern ALT = Pattern.compile("^ {6}alt ([0-9.]+): (.*)$");

    private VerboseLog() {
    }

    public static List<SpeechBench.Result> read(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        List<SpeechBench.Result> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = CLIP.matcher(lines.get(i));
            if (!m.matches() || i + 2 >= lines.size() || !lines.get(i + 1).startsWith("      ref: ")
                    || !lines.get(i + 2).startsWith("      hyp: ")) {
                continue;
            }
            String ref = lines.get(i + 1).substring("      ref: ".length());
            String hyp = lines.get(i + 2).substring("      hyp: ".length());
            List<Hypothesis> readings = new ArrayList<>();
            int j = i + 3;
            if (j < lines.size() && lines.get(j).startsWith("      hyp weight ")) {
                readings.add(new Hypothesis(hyp, Double.parseDouble(lines.get(j).substring(17).strip())));
                for (j++; j < lines.size(); j++) {
                    Matcher a = ALT.matcher(lines.get(j));
                    if (!a.matches()) {
                        break;
                    }
                    readings.add(new Hypothesis(a.group(2), Double.parseDouble(a.group(1))));
                }
            }
            Double confidence = m.group(4).equals("-") ? null : Double.valueOf(m.group(4));
            SpeechBench.Clip clip = new SpeechBench.Clip(m.group(2), m.group(3), new byte[0], ref);
            int words = WordErrorRate.referenceWords(ref).size();
            out.add(new SpeechBench.Result(m.group(1), clip, hyp, confidence, words,
                    WordErrorRate.errors(ref, hyp), 0, 0, readings));
        }
        return out;
    }
}

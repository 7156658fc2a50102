package dev.voxloop.bench.speech;

import dev.voxloop.core.audio.AudioUpload;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.transcript.Hypothesis;
import dev.voxloop.core.transcript.SpeechToText;
import dev.voxloop.core.transcript.Transcript;
import dev.voxloop.core.transcript.WordErrorRate;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures word error rate, real-time factor and the confidence each engine gives, on real clips (a directory
 * with a manifest.tsv of file and transcript) and on requests synthesised with Debian TTS voices, and the warm
 * upload-to-transcript time of a ~5 s request. Prints its figures.
 */
public final class SpeechBench {

    /** One recording: set label ("real", "dev/festival-slt-hts", ...), name, audio and what was said. */
    public record Clip(String set, String name, byte[] wav, String reference) {
    }

    /**
     * What one engine made of one clip; text is null when the engine failed on it; hypotheses are the engine's N
     * best readings (empty when it gives one).
     */
    public record Result(String engine, Clip clip, String text, Double confidence, int words, int errors,
                         double audioSeconds, double decodeSeconds, List<Hypothesis> hypotheses) {
        public Result {
            hypotheses = hypotheses == null ? List.of() : List.copyOf(hypotheses);
        }

        public boolean failed() {
            return text == null;
        }
    }

    /** Totals for one engine on one set. */
    public record Score(String engine, String set, int clips, int words, int errors, double audioSeconds,
                        double decodeSeconds, int failures, double meanConfidence) {
        public double wer() {
            return words == 0 ? 0 : errors / (double) words;
        }

        public double rtf() {
            return audioSeconds == 0 ? 0 : decodeSeconds / audioSeconds;
        }
    }

    private final PrintStream out;
    private final boolean verbose;

    public SpeechBench(PrintStream out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    public static List<Clip> realClips(Path dir) throws IOException {
        List<Clip> clips = new ArrayList<>();
        Path manifest = dir.resolve("manifest.tsv");
        if (!Files.exists(manifest)) {
            return clips;
        }
        List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            if (f.length >= 2 && Files.exists(dir.resolve(f[0]))) {
                clips.add(new Clip("real", f[0], Files.readAllBytes(dir.resolve(f[0])), f[1]));
            }
        }
        return clips;
    }

    /** Every sentence spoken by every voice that is installed, labelled "SET/VOICE". */
    public static List<Clip> syntheticClips(String setName, List<String> sentences, List<Synthesiser> voices,
                                            Path workDir) throws IOException, InterruptedException {
        List<Clip> clips = new ArrayList<>();
        for (Synthesiser voice : voices) {
            if (!voice.available()) {
                continue;
            }
            int i = 0;
            for (String s : sentences) {
                clips.add(new Clip(setName + "/" + voice.label(), "s" + (++i), voice.speak(s, workDir), s));
            }
        }
        return clips;
    }

    public List<Result> run(Map<String, SpeechToText> engines, List<Clip> clips) {
        List<Result> results = new ArrayList<>();
        for (Map.Entry<String, SpeechToText> e : engines.entrySet()) {
            for (Clip c : clips) {
                results.add(one(e.getKey(), e.getValue(), c));
            }
        }
        return results;
    }

    private Result one(String engineName, SpeechToText engine, Clip c) {
        int n = WordErrorRate.referenceWords(c.reference()).size();
        try {
            Transcript t = engine.transcribe(new AudioUpload(c.wav(), c.name(), "audio/wav"));
            int err = WordErrorRate.errors(c.reference(), t.text());
            if (verbose) {
                out.printf(Locale.ROOT, "  %-8s %-26s %-5s wer %5.1f%% conf %s%n      ref: %s%n      hyp: %s%n",
                        engineName, c.set(), c.name(), 100.0 * err / Math.max(1, n),
                        t.confidence() == null ? "-" : String.format(Locale.ROOT, "%.2f", t.confidence()),
                        c.reference(), t.text());
                if (!t.hypotheses().isEmpty()) {
                    out.printf(Locale.ROOT, "      hyp weight %.4f%n", t.hypotheses().getFirst().weight());
                }
                t.hypotheses().stream().skip(1).forEach(h -> out.printf(Locale.ROOT, "      alt %.4f: %s%n",
                        h.weight(), h.text()));
            }
            return new Result(engineName, c, t.text(), t.confidence(), n, err, t.audioSeconds(), t.decodeSeconds(),
                    t.hypotheses());
        } catch (Problem p) {
            if (verbose) {
                out.printf(Locale.ROOT, "  %-8s %-26s %-5s failed: %s%n", engineName, c.set(), c.name(),
                        p.getMessage());
            }
            return new Result(engineName, c, null, null, n, n, 0, 0, List.of());
        }
    }

    /** Totals per engine and set, in the order first seen. */
    public static List<Score> scores(List<Result> results) {
        Map<String, List<Result>> groups = new LinkedHashMap<>();
        results.forEach(r -> groups.computeIfAbsent(r.engine() + "\u0000" + r.clip().set(), k -> new ArrayList<>())
                .add(r));
        List<Score> out = new ArrayList<>();
        groups.forEach((key, rs) -> out.add(new Score(rs.getFirst().engine(), rs.getFirst().clip().set(), rs.size(),
                rs.stream().mapToInt(Result::words).sum(), rs.stream().mapToInt(Result::errors).sum(),
                rs.stream().mapToDouble(Result::audioSeconds).sum(), rs.stream().mapToDouble(Result::decodeSeconds)
                .sum(), (int) rs.stream().filter(Result::failed).count(), rs.stream()
                .filter(r -> r.confidence() != null).mapToDouble(Result::confidence).average().orElse(Double.NaN))));
        return out;
    }

    /** Warm wall time from upload bytes to transcript, median of runs, for one clip. */
    public double latencySeconds(SpeechToText engine, byte[] wav, int runs) {
        engine.transcribe(new AudioUpload(wav, "warmup.wav", "audio/wav"));
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            engine.transcribe(new AudioUpload(wav, "request.wav", "audio/wav"));
            t[i] = (System.nanoTime() - t0) / 1e9;
        }
        java.util.Arrays.sort(t);
        return t[runs / 2];
    }

    public void print(List<Score> scores) {
        out.println("| engine | set | clips | words | WER | RTF | mean confidence | audio s | decode s | failed |");
        out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (Score s : scores) {
            out.printf(Locale.ROOT, "| %s | %s | %d | %d | %.1f %% | %.2f | %s | %.1f | %.1f | %d |%n", s.engine(),
                    s.set(), s.clips(), s.words(), 100 * s.wer(), s.rtf(), Double.isNaN(s.meanConfidence()) ? "-"
                            : String.format(Locale.ROOT, "%.2f", s.meanConfidence()), s.audioSeconds(),
                    s.decodeSeconds(), s.failures());
        }
    }
}

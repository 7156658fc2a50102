package dev.voxloop.bench.speech;

import dev.voxloop.core.audio.AudioUpload;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.transcript.SpeechToText;
import dev.voxloop.core.transcript.Transcript;
import dev.voxloop.core.transcript.WordErrorRate;
import dev.voxloop.speech.engine.offline.DomainCorpus;
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
 * Measures word error rate and real-time factor of each engine on real clips (a directory with a
 * manifest.tsv of file and transcript) and on held-out ticket requests synthesised with Debian TTS voices,
 * plus the warm upload-to-transcript time of a ~5 s request. Prints its figures.
 */
public final class SpeechBench {

    /** One set of clips: label and reference text per audio. */
    public record Clip(String set, String name, byte[] wav, String reference) {
    }

    /** Totals for one engine on one set. */
    public record Score(String engine, String set, int clips, int words, int errors, double audioSeconds,
                        double decodeSeconds, int failures) {
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

    public static List<Clip> syntheticClips(List<String> sentences, Path workDir) throws IOException,
            InterruptedException {
        List<Clip> clips = new ArrayList<>();
        for (Synthesiser voice : Synthesiser.values()) {
            if (!voice.available()) {
                continue;
            }
            int i = 0;
            for (String s : sentences) {
                clips.add(new Clip("held-out/" + voice.label(), "s" + (++i), voice.speak(s, workDir), s));
            }
        }
        return clips;
    }

    public static List<String> heldOut() {
        return new ArrayList<>(DomainCorpus.heldOutSentences());
    }

    public List<Score> run(Map<String, SpeechToText> engines, List<Clip> clips) {
        List<Score> scores = new ArrayList<>();
        for (Map.Entry<String, SpeechToText> e : engines.entrySet()) {
            Map<String, List<Clip>> bySet = new LinkedHashMap<>();
            clips.forEach(c -> bySet.computeIfAbsent(c.set(), k -> new ArrayList<>()).add(c));
            for (Map.Entry<String, List<Clip>> set : bySet.entrySet()) {
                scores.add(score(e.getKey(), e.getValue(), set.getKey(), set.getValue()));
            }
        }
        return scores;
    }

    private Score score(String engineName, SpeechToText engine, String set, List<Clip> clips) {
        int words = 0;
        int errors = 0;
        int failures = 0;
        double audio = 0;
        double decode = 0;
        for (Clip c : clips) {
            int n = WordErrorRate.words(c.reference()).size();
            words += n;
            try {
                Transcript t = engine.transcribe(new AudioUpload(c.wav(), c.name(), "audio/wav"));
                int err = WordErrorRate.errors(c.reference(), t.text());
                errors += err;
                audio += t.audioSeconds();
                decode += t.decodeSeconds();
                if (verbose) {
                    out.printf(Locale.ROOT, "  %-8s %-22s %-40s wer %5.1f%%  ref: %s%n         hyp: %s%n",
                            engineName, set, c.name(), 100.0 * err / Math.max(1, n), c.reference(), t.text());
                }
            } catch (Problem p) {
                errors += n;
                failures++;
                if (verbose) {
                    out.printf(Locale.ROOT, "  %-8s %-22s %-40s failed: %s%n", engineName, set, c.name(),
                            p.getMessage());
                }
            }
        }
        return new Score(engineName, set, clips.size(), words, errors, audio, decode, failures);
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
        out.println("| engine | set | clips | words | WER | RTF | audio s | decode s | failed |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        for (Score s : scores) {
            out.printf(Locale.ROOT, "| %s | %s | %d | %d | %.1f %% | %.2f | %.1f | %.1f | %d |%n", s.engine(),
                    s.set(), s.clips(), s.words(), 100 * s.wer(), s.rtf(), s.audioSeconds(), s.decodeSeconds(),
                    s.failures());
        }
    }
}

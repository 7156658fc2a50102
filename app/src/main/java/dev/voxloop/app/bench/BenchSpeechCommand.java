package dev.voxloop.app.bench;

import dev.voxloop.bench.Machine;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.intent.IntentExtractor;
import dev.voxloop.core.intent.IntentRequest;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.core.transcript.SpeechToText;
import dev.voxloop.intent.IntentExtractors;
import dev.voxloop.intent.IntentSettings;
import dev.voxloop.intent.ProjectsFile;
import dev.voxloop.speech.SpeechEngines;
import dev.voxloop.speech.SpeechSettings;
import dev.voxloop.speech.TrackerVocabulary;
import dev.voxloop.bench.speech.RequestSets;
import dev.voxloop.bench.speech.SpeechBench;
import dev.voxloop.bench.speech.Synthesiser;
import dev.voxloop.bench.speech.VerboseLog;
import dev.voxloop.speech.engine.WarmEngine;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code voxloop bench speech}: per engine and voice, word error rate, real-time factor and mean confidence on
 * spoken requests (a request set synthesised with Debian voices) and on the real clips; the end-to-end figure
 * (does the ticket's type, priority and project from the transcript agree with those from the typed text?)
 * and the warm time from a ~5 s utterance to a ticket draft. Prints markdown tables for docs/benchmarks.md.
 */
@Command(name = "speech", mixinStandardHelpOptions = true,
        description = "Measure speech engines on spoken requests (--set dev while tuning; --set heldout only to"
                + " judge a frozen engine) synthesised with Debian voices, and on the real clips (manifest.tsv):"
                + " WER, real-time factor, confidence, end-to-end agreement with typed text, warm latency.")
public final class BenchSpeechCommand implements Callable<Integer> {

    private final Supplier<ConfigTree> config;
    private final PrintStream out;

    @Option(names = "--engines", split = ",", paramLabel = "NAME",
            description = "Engines to measure (default: offline)")
    List<String> engines = List.of("offline");

    @Option(names = "--set", paramLabel = "NAME",
            description = "Request set: dev (default), heldout and heldout-b, heldout-c, ... (the judging sets,"
                    + " bench/heldout/requests*.tsv), template-like, or a FILE.txt of development requests, one"
                    + " per line")
    String set = "dev";

    @Option(names = "--voices", split = ",", paramLabel = "VOICE",
            description = "Voices (default all installed): flite-default, flite-slt, festival-slt-hts, espeak-ng")
    List<String> voices = List.of("flite-default", "flite-slt", "festival-slt-hts", "espeak-ng");

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N requests of the set")
    int limit;

    @Option(names = "--projects", paramLabel = "FILE",
            description = "Projects whose names the engine and the extractor know (default:"
                    + " shared/testdata/intent/projects.json, the projects the request sets talk about)")
    Path projectsFile;

    @Option(names = "--clips", paramLabel = "DIR",
            description = "Directory of real clips with manifest.tsv (default: shared/testdata/speech)")
    Path clips;

    @Option(names = "--no-real", description = "Skip the real clips")
    boolean noReal;

    @Option(names = "--no-synthetic", description = "Skip the synthesised requests")
    boolean noSynthetic;

    @Option(names = "--verbose", description = "Print every hypothesis and every end-to-end disagreement (development sets only)")
    boolean verbose;

    @Option(names = "--readings", paramLabel = "LOG",
            description = "Measure only the end-to-end figure again, on the transcripts and readings an earlier"
                    + " --verbose run printed (no audio is decoded; for trying extractor changes)")
    Path readings;

    public BenchSpeechCommand(Supplier<ConfigTree> config) {
        this(config, System.out);
    }

    public BenchSpeechCommand(Supplier<ConfigTree> config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        machine();
        List<Project> projects = ProjectsFile.read(projectsFile != null ? projectsFile
                : RequestSets.find("shared/testdata/intent/projects.json"));
        if (readings != null) {
            List<SpeechBench.Result> logged = VerboseLog.read(readings);
            out.printf(Locale.ROOT, "%d transcripts read back from %s%n", logged.size(), readings.getFileName());
            IntentExtractor extractor = warmed(IntentExtractors.create(IntentSettings.from(config.get())));
            new EndToEnd(extractor, projects, out, verbose).report(logged);
            return 0;
        }
        List<SpeechBench.Clip> all = new ArrayList<>();
        if (!noReal) {
            all.addAll(SpeechBench.realClips(clips != null ? clips : RequestSets.find("shared/testdata/speech")));
        }
        if (!noSynthetic) {
            List<String> sentences = RequestSets.load(set);
            sentences = limit > 0 ? sentences.subList(0, Math.min(limit, sentences.size())) : sentences;
            Path work = Files.createTempDirectory("voxloop-bench-");
            all.addAll(SpeechBench.syntheticClips(set, sentences, voices.stream().map(Synthesiser::byLabel).toList(),
                    work));
            Files.deleteIfExists(work);
        }
        out.printf(Locale.ROOT, "%d clips (%d real, %d synthetic from set '%s')%n%n", all.size(),
                all.stream().filter(c -> c.set().equals("real")).count(),
                all.stream().filter(c -> !c.set().equals("real")).count(), set);
        SpeechBench bench = new SpeechBench(out, verbose);
        SpeechSettings base = SpeechSettings.from(config.get());
        Map<String, SpeechToText> ready = new LinkedHashMap<>();
        List<WarmEngine> opened = new ArrayList<>();
        try {
            for (String name : engines) {
                long t0 = System.nanoTime();
                WarmEngine e = SpeechEngines.create(base.withEngine(name.toLowerCase(Locale.ROOT)),
                        () -> TrackerVocabulary.of(projects));
                opened.add(e);
                boolean ok = e.awaitReady(Duration.ofMinutes(5));
                out.printf(Locale.ROOT, "engine %s: %s in %.1f s (language model build + model load)%n  %s%n", name,
                        ok ? "ready" : "NOT ready", (System.nanoTime() - t0) / 1e9, e.description());
                if (ok) {
                    ready.put(name, e);
                }
            }
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            List<SpeechBench.Result> results = bench.run(ready, all);
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            List<SpeechBench.Score> scores = SpeechBench.scores(results);
            out.println();
            bench.print(scores);
            double audio = scores.stream().mapToDouble(SpeechBench.Score::audioSeconds).sum();
            out.printf(Locale.ROOT, "%nCPU time of this process per second of audio (load-independent RTF): %.2f%n",
                    audio == 0 ? 0 : cpu / audio);
            IntentExtractor extractor = warmed(IntentExtractors.create(IntentSettings.from(config.get())));
            new EndToEnd(extractor, projects, out, verbose).report(results);
            latency(bench, ready, extractor, projects, all);
        } finally {
            opened.forEach(WarmEngine::close);
        }
        return 0;
    }

    /**
     * The extractor with its model loaded, as a running server has it: an extraction that outruns the model's
     * loading falls back to rules alone, which would make the end-to-end figure depend on the machine's load.
     */
    private IntentExtractor warmed(IntentExtractor extractor) throws InterruptedException {
        extractor.warm();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!extractor.ready() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (!extractor.ready()) {
            out.println("extractor " + extractor.name() + ": model NOT loaded after 5 min; drafts use its fallback");
        }
        return extractor;
    }

    private void latency(SpeechBench bench, Map<String, SpeechToText> ready, IntentExtractor extractor,
                         List<Project> projects, List<SpeechBench.Clip> all) {
        // the festival clip closest to 5 s
        all.stream().filter(c -> c.set().endsWith("/festival-slt-hts"))
                .min(java.util.Comparator.comparingDouble(c -> Math.abs(seconds(c.wav()) - 5)))
                .ifPresent(c -> ready.forEach((name, engine) -> {
                    try {
                        double transcribe = bench.latencySeconds(engine, c.wav(), 3);
                        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
                                .getOperatingSystemMXBean();
                        long cpu0 = os.getProcessCpuTime();
                        long t0 = System.nanoTime();
                        String text = engine.transcribe(new dev.voxloop.core.audio.AudioUpload(c.wav(), "r.wav",
                                "audio/wav")).text();
                        long t1 = System.nanoTime();
                        double decodeCpu = (os.getProcessCpuTime() - cpu0) / 1e9;
                        extractor.extract(IntentRequest.of(text, projects));
                        double draft = (System.nanoTime() - t0) / 1e9;
                        double extraction = (System.nanoTime() - t1) / 1e9;
                        // where the time goes: the transcription's CPU time is what a quiet machine would wait
                        out.printf(Locale.ROOT, "%nwarm %s: %.1f s utterance -> transcript %.2f s (median of 3),"
                                + " -> ticket draft %.2f s (of which extraction %.3f s); CPU time of the"
                                + " transcription %.2f s%n", name, seconds(c.wav()), transcribe, draft, extraction,
                                decodeCpu);
                    } catch (Problem p) {
                        out.printf("warm latency, %s: failed: %s%n", name, p.getMessage());
                    }
                }));
    }

    private static double seconds(byte[] wav) {
        return new dev.voxloop.speech.audio.WavDecoder().decode(wav).seconds();
    }

    private void machine() {
        out.printf(Locale.ROOT, "machine: %d cores, %s, JDK %s, load average %.2f at start%n",
                Runtime.getRuntime().availableProcessors(), Machine.cpuModel(), System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}

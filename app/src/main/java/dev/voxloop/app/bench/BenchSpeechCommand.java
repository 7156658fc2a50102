package dev.voxloop.app.bench;

import dev.voxloop.bench.speech.SpeechBench;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.transcript.SpeechToText;
import dev.voxloop.speech.SpeechEngines;
import dev.voxloop.speech.SpeechSettings;
import dev.voxloop.speech.engine.WarmEngine;
import java.io.IOException;
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
 * {@code voxloop bench speech}: word error rate and real-time factor per engine on real clips and on held-out
 * synthetic ticket requests (Debian flite / festival voices), plus the warm upload-to-transcript time of a
 * ~5 s request. Prints markdown tables for docs/benchmarks.md (Speech).
 */
@Command(name = "speech", mixinStandardHelpOptions = true,
        description = "Measure speech engines: WER and real-time factor on real clips (manifest.tsv) and on"
                + " held-out ticket requests synthesised with flite and festival (apt-get install flite festival"
                + " festvox-us-slt-hts), and the warm latency of a 5 s request.")
public final class BenchSpeechCommand implements Callable<Integer> {

    private final Supplier<ConfigTree> config;
    private final PrintStream out;

    @Option(names = "--engines", split = ",", paramLabel = "NAME",
            description = "Engines to measure (default: offline)")
    List<String> engines = List.of("offline");

    @Option(names = "--clips", paramLabel = "DIR",
            description = "Directory of real clips with manifest.tsv (default: shared/testdata/speech found above"
                    + " the working directory)")
    Path clips;

    @Option(names = "--no-synthetic", description = "Skip the synthesised held-out requests")
    boolean noSynthetic;

    @Option(names = "--verbose", description = "Print every hypothesis")
    boolean verbose;

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
        Path real = clips != null ? clips : findSharedClips();
        List<SpeechBench.Clip> all = new ArrayList<>();
        if (real != null) {
            all.addAll(SpeechBench.realClips(real));
        }
        if (!noSynthetic) {
            Path work = Files.createTempDirectory("voxloop-bench-");
            List<SpeechBench.Clip> synthetic = SpeechBench.syntheticClips(SpeechBench.heldOut(), work);
            if (synthetic.isEmpty()) {
                out.println("(no flite/festival on PATH: synthetic held-out set skipped;"
                        + " apt-get install flite festival festvox-us-slt-hts)");
            }
            all.addAll(synthetic);
            Files.deleteIfExists(work);
        }
        out.printf(Locale.ROOT, "%d clips (%d real, %d synthetic held-out)%n%n", all.size(),
                all.stream().filter(c -> c.set().equals("real")).count(),
                all.stream().filter(c -> !c.set().equals("real")).count());
        SpeechBench bench = new SpeechBench(out, verbose);
        SpeechSettings base = SpeechSettings.from(config.get());
        Map<String, SpeechToText> ready = new LinkedHashMap<>();
        List<WarmEngine> opened = new ArrayList<>();
        try {
            for (String name : engines) {
                long t0 = System.nanoTime();
                WarmEngine e = SpeechEngines.create(base.withEngine(name.toLowerCase(Locale.ROOT)), List::of);
                opened.add(e);
                boolean ok = e.awaitReady(Duration.ofMinutes(5));
                out.printf(Locale.ROOT, "engine %s: %s in %.1f s (language model build + model load)%n", name,
                        ok ? "ready" : "NOT ready", (System.nanoTime() - t0) / 1e9);
                if (ok) {
                    ready.put(name, e);
                }
            }
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            List<SpeechBench.Score> scores = bench.run(ready, all);
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            out.println();
            bench.print(scores);
            double audio = scores.stream().mapToDouble(SpeechBench.Score::audioSeconds).sum();
            out.printf(Locale.ROOT, "%nCPU time of this process per second of audio (load-independent RTF): %.2f%n",
                    audio == 0 ? 0 : cpu / audio);
            Map<String, byte[]> requests = new LinkedHashMap<>();
            all.stream().filter(c -> c.set().startsWith("held-out/festival"))
                    .max(java.util.Comparator.comparingInt(c -> c.wav().length))
                    .ifPresent(c -> requests.put("synthetic ticket request \"" + c.reference() + "\"", c.wav()));
            if (real != null && Files.exists(real.resolve("sense_and_sensibility_01_austen_64kb-0890.wav"))) {
                requests.put("real clip sense_and_sensibility-0890 (out of domain)",
                        Files.readAllBytes(real.resolve("sense_and_sensibility_01_austen_64kb-0890.wav")));
            }
            out.println();
            for (Map.Entry<String, byte[]> r : requests.entrySet()) {
                double seconds = new dev.voxloop.speech.audio.WavDecoder().decode(r.getValue()).seconds();
                for (Map.Entry<String, SpeechToText> e : ready.entrySet()) {
                    try {
                        double s = bench.latencySeconds(e.getValue(), r.getValue(), 3);
                        out.printf(Locale.ROOT, "warm upload->transcript, %s: %.1f s of audio -> %.2f s (median"
                                + " of 3)%n", e.getKey(), seconds, s);
                        out.printf(Locale.ROOT, "    (%s)%n", r.getKey());
                    } catch (Problem p) {
                        out.printf("warm latency, %s: failed: %s%n", e.getKey(), p.getMessage());
                    }
                }
            }
        } finally {
            opened.forEach(WarmEngine::close);
        }
        return 0;
    }

    private void machine() {
        out.printf(Locale.ROOT, "machine: %d cores, %s, JDK %s, load average %.2f at start%n",
                Runtime.getRuntime().availableProcessors(), cpuModel(), System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static Path findSharedClips() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path p = dir.resolve("shared/testdata/speech");
            if (Files.isDirectory(p)) {
                return p;
            }
            dir = dir.getParent();
        }
        return null;
    }
}

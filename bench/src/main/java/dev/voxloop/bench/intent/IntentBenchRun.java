package dev.voxloop.bench.intent;

import dev.voxloop.bench.Machine;
import dev.voxloop.core.intent.IntentExtractor;
import dev.voxloop.core.intent.IntentRequest;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.intake.ClarificationPolicy;
import dev.voxloop.intent.IntentExtractors;
import dev.voxloop.intent.IntentSettings;
import dev.voxloop.intent.embedded.EmbeddedExtractor;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * One run of {@code voxloop bench intent}: builds the configured extractor, waits for its model, scores it on the
 * labelled rows and prints accuracy, warm latency and start-up times.
 *
 * @param maxRounds the clarification limit the clarify decision is judged with
 * @param passes    timed passes over the rows
 * @param misses    also list every row with a wrong field
 */
public record IntentBenchRun(IntentSettings settings, int maxRounds, int passes, boolean misses) {

    public void run(String dataName, List<IntentBench.Row> rows, List<Project> known, PrintWriter out)
            throws InterruptedException {
        long t0 = System.nanoTime();
        IntentExtractor engine = IntentExtractors.create(settings);
        engine.warm();
        long created = System.nanoTime();
        long ready = created;
        if (engine instanceof EmbeddedExtractor embedded && !embedded.name().equals(EmbeddedExtractor.RULES_NAME)) {
            long deadline = created + settings.modelLoadWait().toNanos();
            while (!embedded.modelReady() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            ready = System.nanoTime();
        }
        long firstStart = System.nanoTime();
        engine.extract(IntentRequest.of(rows.getFirst().text(), known));
        long firstDone = System.nanoTime();
        IntentBench.Result r = new IntentBench(engine, new ClarificationPolicy(maxRounds)).run(rows, known, 2, passes);

        out.printf(Locale.ROOT, "intent bench: extractor=%s data=%s rows=%d%n", r.extractor(), dataName, r.rows());
        out.printf(Locale.ROOT, "machine: %d cores, %s, Java %s (%s)%n", Runtime.getRuntime().availableProcessors(),
                Machine.cpuModel(), System.getProperty("java.version"), System.getProperty("java.vm.name"));
        out.printf(Locale.ROOT, "accuracy: type %.1f%%  priority %.1f%%  project %.1f%%  clarify %.1f%%%n",
                100 * r.type(), 100 * r.priority(), 100 * r.project(), 100 * r.clarify());
        out.printf(Locale.ROOT, "latency warm (%d samples): p50 %.2f ms  p99 %.2f ms  mean %.2f ms%n",
                r.rows() * Math.max(1, passes), r.p50Millis(), r.p99Millis(), r.meanMillis());
        out.printf(Locale.ROOT, "start: create %.0f ms, embedding model ready after %.0f ms (background), first "
                + "request %.0f ms%n", (created - t0) / 1e6, (ready - created) / 1e6, (firstDone - firstStart) / 1e6);
        if (misses) {
            for (IntentBench.Outcome o : r.misses()) {
                out.printf(Locale.ROOT, "miss %s%s%s%s  %s  -> %s %s %s clarify=%s%n", o.typeOk() ? "." : "T",
                        o.priorityOk() ? "." : "P", o.projectOk() ? "." : "J", o.clarifyOk() ? "." : "C",
                        o.row().text(), o.extraction().draft().issueType(), o.extraction().draft().priority(),
                        o.extraction().draft().projectKey(), o.clarify());
            }
        }
        out.flush();
    }
}

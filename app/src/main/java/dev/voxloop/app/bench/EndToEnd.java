package dev.voxloop.app.bench;

import dev.voxloop.core.intent.IntentExtractor;
import dev.voxloop.core.intent.IntentRequest;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.core.transcript.Hypothesis;
import dev.voxloop.bench.speech.SpeechBench;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The end-to-end speech figure: for each spoken request, does the ticket drafted from the transcript have the
 * same type, priority and project as the one drafted from the typed text? Counted per engine and voice; the real
 * clips are not ticket requests and are left out.
 */
final class EndToEnd {

    private final IntentExtractor extractor;
    private final List<Project> projects;
    private final PrintStream out;
    private final boolean verbose;
    private final Map<String, TicketDraft> typed = new HashMap<>();

    /** @param verbose print each disagreement (development sets only: a judging set is reported in aggregate) */
    EndToEnd(IntentExtractor extractor, List<Project> projects, PrintStream out, boolean verbose) {
        this.extractor = extractor;
        this.projects = projects;
        this.out = out;
        this.verbose = verbose;
    }

    void report(List<SpeechBench.Result> results) {
        Map<String, int[]> bySet = new LinkedHashMap<>();
        // where agreement is lost: [project, type, priority, nothing drafted, misses whose transcript was exact]
        int[] lost = new int[5];
        for (SpeechBench.Result r : results) {
            if (r.clip().set().equals("real")) {
                continue;
            }
            TicketDraft fromText = typed.computeIfAbsent(r.clip().reference(), t -> draft(t, List.of()));
            TicketDraft fromSpeech = r.failed() ? null : draft(r.text(), r.hypotheses());
            int[] counts = bySet.computeIfAbsent(r.engine() + " | " + r.clip().set(), k -> new int[2]);
            counts[1]++;
            if (fromSpeech != null && Objects.equals(fromText.issueType(), fromSpeech.issueType())
                    && Objects.equals(fromText.priority(), fromSpeech.priority())
                    && Objects.equals(fromText.projectKey(), fromSpeech.projectKey())) {
                counts[0]++;
            } else {
                countLoss(lost, fromText, fromSpeech, r);
                if (verbose) {
                    out.printf(Locale.ROOT, "  e2e miss %s %s: typed %s, spoken %s%n      ref: %s%n      hyp: %s%n",
                            r.clip().set(),
                            r.clip().name(), fields(fromText), fields(fromSpeech), r.clip().reference(), r.text());
                }
            }
        }
        if (bySet.isEmpty()) {
            return;
        }
        out.println();
        out.println("| engine | set | requests | type, priority and project as from the typed text |");
        out.println("|---|---|---|---|");
        int agree = 0;
        int total = 0;
        for (Map.Entry<String, int[]> e : bySet.entrySet()) {
            int[] c = e.getValue();
            agree += c[0];
            total += c[1];
            out.printf(Locale.ROOT, "| %s | %d | %.1f %% |%n", e.getKey(), c[1], 100.0 * c[0] / c[1]);
        }
        out.printf(Locale.ROOT, "| all | | %d | %.1f %% |%n", total, 100.0 * agree / total);
        out.printf(Locale.ROOT, "%nend-to-end misses %d: project differs in %d, type in %d, priority in %d, nothing"
                + " drafted %d; %d of the misses had a transcript with no word wrong (the extractor's share)%n",
                total - agree, lost[0], lost[1], lost[2], lost[3], lost[4]);
    }

    /** Which fields one miss lost, and whether its transcript was word for word right. */
    private static void countLoss(int[] lost, TicketDraft fromText, TicketDraft fromSpeech, SpeechBench.Result r) {
        if (fromSpeech == null) {
            lost[3]++;
        } else {
            lost[0] += Objects.equals(fromText.projectKey(), fromSpeech.projectKey()) ? 0 : 1;
            lost[1] += Objects.equals(fromText.issueType(), fromSpeech.issueType()) ? 0 : 1;
            lost[2] += Objects.equals(fromText.priority(), fromSpeech.priority()) ? 0 : 1;
        }
        lost[4] += !r.failed() && r.errors() == 0 ? 1 : 0;
    }

    private static String fields(TicketDraft d) {
        return d == null ? "nothing" : d.issueType() + "/" + d.priority() + "/" + d.projectKey();
    }

    /** The draft the intake makes of these words: heard words nobody checked come with the engine's readings. */
    private TicketDraft draft(String text, List<Hypothesis> heardAs) {
        if (text.isBlank()) {
            return null;
        }
        return extractor.extract(new IntentRequest(text, List.of(), List.of(), null, projects, null, heardAs))
                .draft();
    }
}

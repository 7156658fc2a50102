package dev.voxloop.intent.embedded;

import dev.voxloop.core.intent.IntentRequest;
import dev.voxloop.core.transcript.Hypothesis;
import java.util.ArrayList;
import java.util.List;

/**
 * One reading of a request: the request and its answers (cleaned), what the work is in that reading, and its
 * share of the probability. Words a speech engine heard and nobody checked have as many readings as the engine's
 * N best, the text first; typed or checked words are one reading of weight 1, so weighing evidence over the
 * readings is, for them, the evidence of the text itself.
 *
 * @param all    the reading with the answers, cleaned
 * @param work   what the work is in this reading
 * @param weight its share, 0..1 (the readings of one request sum to 1)
 */
record HeardReading(String all, String work, double weight) {

    /**
     * @param all     the request's text with its answers, cleaned
     * @param subject the work in the request's text
     * @param answers the answers, cleaned
     */
    static List<HeardReading> of(IntentRequest request, String all, Subject subject, List<String> answers) {
        List<Hypothesis> heard = request.heardAs();
        String text = request.text() == null ? "" : request.text().strip();
        // readings of other words than the text (the person corrected them) say nothing about it
        if (heard.size() < 2 || !heard.getFirst().text().equals(text)) {
            return List.of(new HeardReading(all, subject.work(), 1));
        }
        List<HeardReading> out = new ArrayList<>();
        out.add(new HeardReading(all, subject.work(), heard.getFirst().weight()));
        for (Hypothesis h : heard.subList(1, heard.size())) {
            String t = RequestText.clean(h.text());
            String withAnswers = answers.isEmpty() ? t : t + ". " + String.join(". ", answers);
            out.add(new HeardReading(withAnswers, Subject.of(t, answers, request.projects()).work(), h.weight()));
        }
        return List.copyOf(out);
    }
}

package dev.voxloop.core.intent;

import dev.voxloop.core.ticket.Project;
import dev.voxloop.core.transcript.Hypothesis;
import java.util.List;

/**
 * Input to an extractor.
 *
 * @param text           the request as the person made it (untrusted)
 * @param answers        the person's answers to earlier questions, in order (untrusted)
 * @param questionsAsked the questions those answers reply to, in order
 * @param previous       the draft so far, or null on the first pass
 * @param projects       the projects that exist in the tracker (a model may only pick one of these)
 * @param defaultProject project key to use when nothing in the text decides, or null
 * @param heardAs        for words a speech engine heard and nobody has checked: the engine's N best readings of
 *                       them, best (the text) first, weights summing to 1, so an extractor can weigh evidence a
 *                       likely reading holds and the best one lost; empty for typed, confirmed or corrected words
 */
public record IntentRequest(String text, List<String> answers, List<String> questionsAsked, TicketDraft previous,
                            List<Project> projects, String defaultProject, List<Hypothesis> heardAs) {

    public IntentRequest {
        answers = answers == null ? List.of() : List.copyOf(answers);
        questionsAsked = questionsAsked == null ? List.of() : List.copyOf(questionsAsked);
        projects = projects == null ? List.of() : List.copyOf(projects);
        heardAs = heardAs == null ? List.of() : List.copyOf(heardAs);
    }

    /** A request whose words are the person's own (typed, or heard and checked). */
    public IntentRequest(String text, List<String> answers, List<String> questionsAsked, TicketDraft previous,
                         List<Project> projects, String defaultProject) {
        this(text, answers, questionsAsked, previous, projects, defaultProject, List.of());
    }

    public static IntentRequest of(String text, List<Project> projects) {
        return new IntentRequest(text, List.of(), List.of(), null, projects, null);
    }
}

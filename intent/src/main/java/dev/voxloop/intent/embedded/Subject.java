package dev.voxloop.intent.embedded;

import dev.voxloop.core.ticket.Project;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the work is: the request with the talk about the ticket taken out, and whether it names a concrete
 * subject ("the invoice export crashes") or only says that something should change ("make it faster"). When the
 * request is vague, an answer to the clarifying question may supply the subject.
 *
 * @param work         the work in the person's words
 * @param concrete     true when at least {@link #MIN_SUBJECT_WORDS} subject words remain
 * @param projectWords names, keys and spaced names of the projects: they place a request but are not its subject
 */
record Subject(String work, boolean concrete, List<String> projectWords) {

    /** Below this many subject words (after stop, vague and project words) a request has no concrete subject. */
    static final int MIN_SUBJECT_WORDS = 2;

    static Subject of(String text, List<String> answers, List<Project> projects) {
        List<String> names = projectWords(projects);
        String work = RequestText.work(text, names);
        boolean concrete = isConcrete(work, names);
        for (String answer : answers) {
            String answerWork = RequestText.work(answer, names);
            if (!concrete && isConcrete(answerWork, names)) {
                work = work.isBlank() || Words.content(strip(work, names)).isEmpty() ? answerWork
                        : work + ": " + answerWork;
                concrete = true;
            }
        }
        return new Subject(work, concrete, names);
    }

    /** The clarifying question for a request without a concrete subject, naming what it did mention. */
    String question() {
        List<String> nouns = Words.content(strip(work, projectWords));
        List<String> named = Words.tokens(strip(work, projectWords)).stream()
                .filter(w -> !Words.STOP.contains(w) && !Words.VAGUE.contains(w)).toList();
        String about = !nouns.isEmpty() ? String.join(" ", nouns) : named.isEmpty() ? null : named.getLast();
        if (about != null) {
            return "What exactly should change about the " + about + ": what happens now, and what should happen "
                    + "instead?";
        }
        return "What exactly should change, and where: what happens now, and what should happen instead?";
    }

    /** The clauses of the work beyond its summary: each may become one more acceptance criterion. */
    List<String> clausesAfter(String summary) {
        String rest = work.length() > summary.length() && work.toLowerCase(Locale.ROOT)
                .startsWith(summary.toLowerCase(Locale.ROOT)) ? work.substring(summary.length()) : "";
        return RequestText.clauses(rest.replaceAll("^[\\s.,;:!?]+", ""));
    }

    static boolean isConcrete(String work, List<String> projectWords) {
        return Words.content(strip(work, projectWords)).size() >= MIN_SUBJECT_WORDS;
    }

    private static String strip(String work, List<String> projectWords) {
        String w = work;
        for (String n : projectWords) {
            w = w.replaceAll("(?i)\\b" + Pattern.quote(n) + "(?:'s)?\\b", " ");
        }
        return w;
    }

    private static List<String> projectWords(List<Project> projects) {
        Set<String> out = new LinkedHashSet<>();
        for (Project p : projects) {
            out.add(p.name());
            out.add(ProjectVocabulary.splitCamel(p.name()));
            out.add(p.key());
        }
        return List.copyOf(out);
    }
}

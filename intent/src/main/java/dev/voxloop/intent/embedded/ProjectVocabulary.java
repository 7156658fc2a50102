package dev.voxloop.intent.embedded;

import dev.voxloop.core.ticket.Project;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places a request in a project by what is said: the project's name ("StoreIt", also heard as "store it") or key
 * ("SHOP") first, then the project's own vocabulary (its description and components), each word weighted by
 * how few projects share it. Built once per list of projects.
 */
final class ProjectVocabulary {

    /** A name or key said outright. */
    record Named(Project project, int start, int end) {
    }

    /** Extra weight of a camel-case name's first word ("store" for StoreIt) over an ordinary vocabulary word. */
    static final double NAME_STEM_BONUS = 0.5;
    /** Weight of a description word that qualifies the phrase's head ("QR" and "code" in "QR code tickets"). */
    static final double MODIFIER_WEIGHT = 0.6;

    /** After a spaced name, words that make it English instead ("store it in", "track it for"). */
    private static final String NOT_A_VERB_OBJECT =
            "(?!\\s+(?i:in|on|to|into|for|away|somewhere|there|here|now|later)\\b)";

    private final List<Project> projects;
    private final Map<Project, List<Pattern>> namePatterns = new LinkedHashMap<>();
    /** Other spellings of each camel-case name: "store it", "Storeit", "storeit". */
    private final Map<Project, Pattern> otherSpellings = new LinkedHashMap<>();
    private final Map<String, Map<Project, Double>> vocabulary = new HashMap<>();
    private final Map<String, Project> stemBonus = new HashMap<>();
    private final SoundsLikeName soundsLike;

    ProjectVocabulary(List<Project> projects) {
        this.projects = List.copyOf(projects);
        this.soundsLike = new SoundsLikeName(projects);
        Map<String, Map<Project, Double>> owners = new HashMap<>();
        for (Project p : projects) {
            namePatterns.put(p, namePatterns(p));
            otherSpelling(p).ifPresent(sp -> otherSpellings.put(p, sp));
            // word -> weight: the head (last word) of each description phrase carries the domain ("QR code
            // TICKETS", "payment WEBHOOKS"); the words before it only qualify it and count less
            Map<String, Double> words = new HashMap<>();
            List<String> phrases = new ArrayList<>(List.of(p.description().split("[,:;.()]|\\band\\b|\\bwith\\b")));
            phrases.addAll(p.components());
            for (String phrase : phrases) {
                List<String> content = new ArrayList<>();
                for (String token : Words.tokens(phrase)) {
                    for (String part : token.split("-")) {
                        if (!Words.STOP.contains(part) && part.length() > 2) {
                            content.add(Words.stem(part));
                        }
                    }
                }
                for (int i = 0; i < content.size(); i++) {
                    words.merge(content.get(i), i == content.size() - 1 ? 1.0 : MODIFIER_WEIGHT, Math::max);
                }
            }
            // the name's stem is vocabulary too, and counts more: "BookIt" -> "book", "the store" -> StoreIt
            nameStem(p.name()).ifPresent(s -> {
                words.put(Words.stem(s), 1.0);
                if (!ProjectVocabulary.splitCamel(p.name()).equals(p.name())) {
                    stemBonus.put(Words.stem(s), p);
                }
            });
            for (Map.Entry<String, Double> w : words.entrySet()) {
                owners.computeIfAbsent(w.getKey(), k -> new HashMap<>()).put(p, w.getValue());
            }
        }
        owners.forEach((word, ps) -> {
            Map<Project, Double> weights = new HashMap<>();
            ps.forEach((p, w) -> weights.put(p, w / ps.size()));
            vocabulary.put(word, weights);
        });
    }

    List<Project> projects() {
        return projects;
    }

    /** The project named (by name or key) earliest in the text, if any. */
    Optional<Named> named(String text) {
        Named best = null;
        for (Map.Entry<Project, List<Pattern>> e : namePatterns.entrySet()) {
            for (Pattern p : e.getValue()) {
                Matcher m = p.matcher(text);
                if (m.find() && (best == null || m.start() < best.start())) {
                    best = new Named(e.getKey(), m.start(), m.end());
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The text with each camel-case name written the tracker's way: a speech engine writes "EventIt" as "event it"
     * or "eventit", and the rest of the extraction (the subject, the embedding) should see the words a typist
     * would have written. The same guard as for naming applies: "store it in" stays English.
     */
    String spelledAsNamed(String text) {
        String out = text;
        for (Map.Entry<Project, Pattern> e : otherSpellings.entrySet()) {
            out = e.getValue().matcher(out).replaceAll(Matcher.quoteReplacement(e.getKey().name().strip()));
        }
        return out;
    }

    /**
     * Vocabulary score per project (only projects with evidence appear). A compound counts however it is written:
     * a speech engine, like a typist, writes "timesheet" as "time sheet" or "time-sheet", so the words of a
     * hyphenated token count one by one and two neighbours count also as the one word they make together when
     * that is a word of the vocabulary ("check out" as "checkout").
     */
    Map<Project, Double> scores(String text) {
        List<String> words = new ArrayList<>();
        for (String token : Words.tokens(text)) {
            words.addAll(List.of(token.split("-")));
        }
        Map<Project, Double> scores = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < words.size(); i++) {
            count(words.get(i), seen, scores);
            if (i + 1 < words.size()) {
                String joined = words.get(i) + words.get(i + 1);
                if (vocabulary.containsKey(Words.stem(joined))) {
                    count(joined, seen, scores);
                }
            }
        }
        return scores;
    }

    private void count(String word, Set<String> seen, Map<Project, Double> scores) {
        if (Words.STOP.contains(word) || word.length() <= 2) {
            return;
        }
        String stem = Words.stem(word);
        if (!seen.add(stem)) {
            return;
        }
        Map<Project, Double> w = vocabulary.get(stem);
        if (w != null) {
            w.forEach((p, v) -> scores.merge(p, v, Double::sum));
        }
        Project named = stemBonus.get(stem);
        if (named != null) {
            scores.merge(named, NAME_STEM_BONUS, Double::sum);
        }
    }

    /** For heard words: projects whose names words of the text sound like ({@link SoundsLikeName}). */
    Map<Project, Double> soundsLike(String text) {
        return soundsLike.scores(text);
    }

    private static List<Pattern> namePatterns(Project p) {
        List<Pattern> out = new ArrayList<>();
        out.add(Pattern.compile("\\b" + Pattern.quote(p.key()) + "\\b")); // keys are said in capitals
        String name = p.name().strip();
        if (!name.isEmpty()) {
            // a one-word name that is an ordinary word ("Platform") names the project only when capitalised
            boolean plainWord = name.matches("[A-Z]?[a-z]+");
            out.add(Pattern.compile((plainWord ? "" : "(?i)") + "\\b" + Pattern.quote(name) + "(?:'s)?\\b"));
            String spaced = splitCamel(name);
            if (!spaced.equalsIgnoreCase(name) && spaced.contains(" ")) {
                // speech-to-text writes "StoreIt" as "store it"; only trust it when followed by something
                // that is not a verb object ("store it in" would be English)
                out.add(Pattern.compile("(?i)\\b" + spacedOrJoined(spaced) + "(?:'s)?\\b" + NOT_A_VERB_OBJECT));
            }
        }
        return out;
    }

    private static Optional<Pattern> otherSpelling(Project p) {
        String name = p.name().strip();
        String spaced = splitCamel(name);
        if (!spaced.contains(" ") || !name.matches("[\\p{L}\\p{N}]+")) {
            return Optional.empty();
        }
        // the name in any case or spaced, but not the name as written; "'s" stays where it is
        return Optional.of(Pattern.compile("\\b(?!" + Pattern.quote(name) + "\\b)(?i:" + spacedOrJoined(spaced)
                + ")\\b" + NOT_A_VERB_OBJECT));
    }

    /** "Store It" as a pattern that also takes "store  it" and "storeit". */
    private static String spacedOrJoined(String spaced) {
        return Pattern.quote(spaced).replace(" ", "\\E\\s*\\Q");
    }

    /** "StoreIt" -> "Store It". */
    static String splitCamel(String name) {
        return name.replaceAll("(?<=[a-z])(?=[A-Z])", " ");
    }

    /** "BookIt" -> "Book", "EventIt" -> "Event"; names without a camel part have none ("Platform" is a word). */
    static Optional<String> nameStem(String name) {
        String spaced = splitCamel(name.strip());
        String[] parts = spaced.split("\\s+");
        if (parts.length >= 2 && parts[0].length() >= 3) {
            return Optional.of(parts[0].toLowerCase(Locale.ROOT));
        }
        return parts.length == 1 && parts[0].length() >= 3 ? Optional.of(parts[0].toLowerCase(Locale.ROOT))
                : Optional.empty();
    }
}

package dev.voxloop.speech.engine.offline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Generates the sentences the offline engine's domain language model is trained on: ticket-like requests from
 * the templates and word lists of {@link CorpusTemplates} (bug reports, stories, tasks, epics, with
 * priorities, platforms, deadlines) plus sentences that put the tracker's live vocabulary (project names and
 * keys, component words) into ticket phrasing. Deterministic for a seed. The template-like benchmark
 * sentences (held-out-sentences.txt) are never emitted.
 */
public final class DomainCorpus {

    private final CorpusTemplates corpus;
    private final Map<String, List<String>> slots;
    private final List<String> projectWords;
    private final List<String> phrases;
    private final Set<String> heldOut;

    /** The slot whose values are the things a ticket is about ("the {thing} crashes"). */
    static final String THING = "thing";

    /** Words that tie a phrase together; a phrase's things are the runs of words between them. */
    static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "and", "or", "of", "for", "with", "on", "in",
            "to", "at", "by", "from", "as", "is", "are", "be", "its", "it", "itself", "their", "this", "that",
            "these", "those", "many", "one", "all", "any", "each", "our", "your", "e");

    /**
     * @param trackerVocabulary the tracker's words (any case): an entry of one word (a project's name or key, a
     *                          component word) is put into ticket phrasing where a project is named; an entry
     *                          of several (a phrase of a project's description: "QR code tickets", "door
     *                          check-in") is a sentence of its own, and the runs of words between its
     *                          {@link #FUNCTION_WORDS} become things tickets are about ({thing}). Description
     *                          words do not take the names' places, so the names stay as likely as before.
     */
    public DomainCorpus(List<String> trackerVocabulary) {
        this.corpus = CorpusTemplates.load();
        Set<String> single = new LinkedHashSet<>();
        Set<String> several = new LinkedHashSet<>();
        Set<String> things = new LinkedHashSet<>(corpus.slots().getOrDefault(THING, List.of()));
        for (String entry : trackerVocabulary) {
            List<String> words = words(entry);
            if (words.size() == 1) {
                single.addAll(words);
            } else if (words.size() > 1) {
                several.add(String.join(" ", words));
                for (String run : contentRuns(words)) {
                    things.add(run);
                    things.add(singular(run));
                }
            }
        }
        Map<String, List<String>> withThings = new HashMap<>(corpus.slots());
        withThings.put(THING, List.copyOf(things));
        this.slots = Map.copyOf(withThings);
        this.projectWords = List.copyOf(single);
        this.phrases = List.copyOf(several);
        this.heldOut = heldOutSentences();
    }

    /** A run ending in a plain plural said in the singular too ("timesheets" -> "timesheet"). */
    static String singular(String run) {
        boolean plural = run.length() > 3 && run.endsWith("s") && !run.endsWith("ss") && !run.endsWith("us")
                && !run.endsWith("is");
        return plural ? run.substring(0, run.length() - 1) : run;
    }

    /** "appointment booking for salons and clinics" -> appointment booking | salons | clinics. */
    static List<String> contentRuns(List<String> words) {
        List<String> runs = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (String w : words) {
            if (FUNCTION_WORDS.contains(w)) {
                if (!run.isEmpty()) {
                    runs.add(String.join(" ", run));
                    run.clear();
                }
            } else {
                run.add(w);
            }
        }
        if (!run.isEmpty()) {
            runs.add(String.join(" ", run));
        }
        return runs;
    }

    /** The held-out benchmark sentences, normalised (lower case, single spaces). */
    public static Set<String> heldOutSentences() {
        try (InputStream in = DomainCorpus.class.getResourceAsStream("held-out-sentences.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Set<String> out = new LinkedHashSet<>();
            for (String line : text.split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(normalise(line));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String normalise(String s) {
        return String.join(" ", words(s));
    }

    /** Lower-case words, apostrophes kept, everything else a separator. */
    public static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.toLowerCase(Locale.ROOT).split("[^a-z0-9']+")) {
            String t = w.replaceAll("^'+|'+$", "");
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** About {@code size} distinct sentences, deterministic for the seed. */
    public List<String> sentences(int size, long seed) {
        Random random = new Random(seed);
        Set<String> out = new LinkedHashSet<>();
        // every slot value at least once, so the whole vocabulary is in the model
        slots.forEach((slot, values) -> {
            for (String v : values) {
                add(out, v);
            }
        });
        for (String w : projectWords) {
            add(out, w);
        }
        for (String p : phrases) {
            add(out, p);
        }
        int attempts = 0;
        while (out.size() < size && attempts++ < size * 5) {
            String template = corpus.templates().get(attempts % corpus.templates().size());
            add(out, expand(template, random));
        }
        addTrackerSentences(out, random);
        return new ArrayList<>(out);
    }

    private void addTrackerSentences(Set<String> out, Random random) {
        for (String word : projectWords) {
            for (String frame : corpus.projectTemplates()) {
                for (int i = 0; i < 2; i++) {
                    add(out, expand(frame.replace("{" + CorpusTemplates.PROJECT + "}", word), random));
                }
            }
        }
    }

    private void add(Set<String> out, String sentence) {
        String n = normalise(sentence);
        if (!n.isEmpty() && !heldOut.contains(n)) {
            out.add(n);
        }
    }

    private String expand(String template, Random random) {
        Matcher m = CorpusTemplates.SLOT.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            List<String> values = slots.get(m.group(1));
            String v = values == null ? m.group() : values.get(random.nextInt(values.size()));
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}

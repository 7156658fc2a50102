package dev.voxloop.speech.engine.offline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
    private final List<String> projectWords;
    private final Set<String> heldOut;

    /**
     * @param trackerVocabulary project names and keys, component words from the tracker (any case; split on
     *                          non-letters)
     */
    public DomainCorpus(List<String> trackerVocabulary) {
        this.corpus = CorpusTemplates.load();
        this.projectWords = new ArrayList<>(new LinkedHashSet<>(words(String.join(" ", trackerVocabulary))));
        this.heldOut = heldOutSentences();
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
        corpus.slots().forEach((slot, values) -> {
            for (String v : values) {
                add(out, v);
            }
        });
        for (String w : projectWords) {
            add(out, w);
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
            List<String> values = corpus.slots().get(m.group(1));
            String v = values == null ? m.group() : values.get(random.nextInt(values.size()));
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}

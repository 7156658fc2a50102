package dev.voxloop.intent.embedded;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.voxloop.core.deferred.Deferred;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.ticket.Project;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evidence from all-MiniLM-L6-v2 (ONNX, shipped in its Maven jar, about 10 ms a sentence on
 * CPU). The model takes ~1.2 s to load and the type classifier ~1.4 s more to embed its prototypes and train, so
 * both load in the background ({@link Deferred}) from {@link #warm()} (the
 * server calls it once it answers requests) or the first extraction, which waits for it, bounded by
 * {@code loadWait}. If loading fails or takes longer than {@code loadWait}, that request gets rules-only evidence
 * (logged once) and later ones use the model when ready.
 */
final class MiniLmHints implements SemanticHints {

    private static final Logger LOG = LoggerFactory.getLogger(MiniLmHints.class);
    /**
     * Type prototypes: generic sentences per type, written from the labelling rules, not from any test set; a
     * {@link TypeRegression} is trained on their embeddings.
     */
    static final String TYPE_PROTOTYPES = "/dev/voxloop/intent/type-prototypes.tsv";

    private final Deferred<Loaded> loading;
    private final Duration loadWait;
    private final Map<Project, List<float[]>> projectVectors = new ConcurrentHashMap<>();
    private volatile boolean warnedSlow;

    private record Loaded(EmbeddingModel model, TypeRegression types) {
    }

    /** Nothing loads until {@link #warm()} or the first {@link #evidence}. */
    MiniLmHints(Supplier<EmbeddingModel> model, Duration loadWait) {
        this.loadWait = loadWait;
        Map<IssueType, List<String>> prototypes = readPrototypes();
        this.loading = new Deferred<>("embedding model", () -> {
            EmbeddingModel m = model.get();
            return new Loaded(m, TypeRegression.train(embedPrototypes(m, prototypes)));
        });
    }

    @Override
    public void warm() {
        loading.start();
    }

    /** True once the model is loaded (for health and doctor output). */
    boolean ready() {
        return loading.ready();
    }

    /** Waits (bounded) for the model; returns null when it is not there, and the rules decide alone. */
    private Loaded loaded() {
        Loaded l = loading.await(loadWait).orElse(null);
        if (l == null && loading.failure().isEmpty() && !warnedSlow) {
            warnedSlow = true;
            LOG.warn("embedding model not loaded after {} ms; using rules only until it is", loadWait.toMillis());
        }
        return l;
    }

    @Override
    public Evidence evidence(String text, List<Project> projects) {
        Loaded l = loaded();
        if (l == null || text.isBlank()) {
            return Evidence.NONE;
        }
        try {
            return evidence(l, text, projects);
        } catch (SentenceModel.Closed e) {
            return Evidence.NONE; // voxloop is stopping: the rules decide alone
        }
    }

    /** The model reads every text in American spelling ({@link AmericanSpelling}): one spelling, one meaning. */
    private Evidence evidence(Loaded l, String text, List<Project> projects) {
        float[] v = l.model.embed(AmericanSpelling.text(text)).content().vector();
        Map<IssueType, Double> types = l.types.probabilities(v);
        Map<String, Double> out = new LinkedHashMap<>();
        for (Project p : projects) {
            List<float[]> protos = projectVectors.computeIfAbsent(p, pr -> embedAll(l.model, projectPhrases(pr)));
            // the whole description (first vector) says what the project is about; its best single phrase says
            // whether one of its specific things was named: both count
            double whole = cosine(v, protos.getFirst());
            double best = protos.stream().skip(1).mapToDouble(q -> cosine(v, q)).max().orElse(whole);
            out.put(p.key(), (whole + best) / 2);
        }
        if (projectVectors.size() > 256) {
            projectVectors.clear();
        }
        return new Evidence(types, out);
    }

    /** A project's own words as phrases: its description cut at punctuation, each with the name in front. */
    static List<String> projectPhrases(Project p) {
        List<String> phrases = new ArrayList<>();
        String name = ProjectVocabulary.splitCamel(p.name());
        phrases.add(name + ": " + p.description());
        for (String part : p.description().split("[,:;.]")) {
            String s = part.strip();
            if (s.length() >= 3) {
                phrases.add(s);
            }
        }
        phrases.addAll(p.components());
        return phrases;
    }

    static Map<IssueType, List<String>> readPrototypes() {
        Map<IssueType, List<String>> out = new EnumMap<>(IssueType.class);
        try (InputStream in = MiniLmHints.class.getResourceAsStream(TYPE_PROTOTYPES)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + TYPE_PROTOTYPES);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t", 2);
                IssueType type = IssueType.parse(c[0]).orElseThrow(
                        () -> new IllegalStateException("bad type in " + TYPE_PROTOTYPES + ": " + c[0]));
                out.computeIfAbsent(type, k -> new ArrayList<>()).add(c[1].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Map<IssueType, List<float[]>> embedPrototypes(EmbeddingModel m, Map<IssueType, List<String>> p) {
        Map<IssueType, List<float[]>> out = new EnumMap<>(IssueType.class);
        p.forEach((type, sentences) -> out.put(type, embedAll(m, sentences)));
        return out;
    }

    private static List<float[]> embedAll(EmbeddingModel m, List<String> texts) {
        List<TextSegment> segments = texts.stream().map(AmericanSpelling::text).map(TextSegment::from).toList();
        return m.embedAll(segments).content().stream().map(e -> e.vector()).toList();
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}

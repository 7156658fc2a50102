package dev.voxloop.intent.embedded;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.voxloop.core.deferred.Deferred;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.ticket.DuplicateFinder;
import dev.voxloop.core.ticket.LikelyDuplicate;
import dev.voxloop.core.ticket.Ticket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Likely duplicates by meaning: the draft's summary and each open ticket's summary as all-MiniLM-L6-v2 sentence
 * embeddings, compared by cosine; tickets at or above the threshold are named, most alike first. The threshold
 * was chosen on development pairs (bench/duplicates/dev-pairs.tsv) and judged on held-out ones
 * (docs/benchmarks.md). Summaries, not descriptions: a description is the whole spoken request, whose talk about
 * the ticket ("create a bug in BookIt, high priority") makes unrelated requests look alike.
 */
public final class SimilarTickets implements DuplicateFinder {

    private static final Logger LOG = LoggerFactory.getLogger(SimilarTickets.class);
    /** At most this many are named: a longer list is not read. */
    static final int MOST = 3;
    private static final int CACHE = 2048;

    private final Deferred<EmbeddingModel> loading;
    private final Duration loadWait;
    private final double threshold;
    private final Map<String, float[]> vectors = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHE;
        }
    };
    private volatile boolean warnedSlow;

    /** The bundled model, shared with the extractor's hints. */
    public static SimilarTickets withBundledModel(double threshold, Duration loadWait) {
        return new SimilarTickets(SentenceModel::shared, threshold, loadWait);
    }

    SimilarTickets(Supplier<EmbeddingModel> model, double threshold, Duration loadWait) {
        this.loading = new Deferred<>("embedding model for the duplicate hint", model);
        this.threshold = threshold;
        this.loadWait = loadWait;
    }

    @Override
    public void warm() {
        loading.start();
    }

    @Override
    public List<LikelyDuplicate> likelyDuplicates(TicketDraft draft, List<Ticket> open) {
        if (draft == null || draft.summary().isBlank() || open.isEmpty()) {
            return List.of();
        }
        EmbeddingModel model = loading.await(loadWait).orElse(null);
        if (model == null) {
            if (!warnedSlow && loading.failure().isEmpty()) {
                warnedSlow = true;
                LOG.warn("embedding model not loaded after {} ms; no duplicate hint until it is", loadWait.toMillis());
            }
            return List.of();
        }
        try {
            return alike(model, draft, open);
        } catch (SentenceModel.Closed e) {
            return List.of(); // voxloop is stopping: no hint rather than a failed read-back
        }
    }

    private List<LikelyDuplicate> alike(EmbeddingModel model, TicketDraft draft, List<Ticket> open) {
        float[] mine = vector(model, draft.summary());
        List<LikelyDuplicate> out = new ArrayList<>();
        for (Ticket t : open) {
            if (t.summary() == null || t.summary().isBlank()) {
                continue;
            }
            double similarity = MiniLmHints.cosine(mine, vector(model, t.summary()));
            if (similarity >= threshold) {
                out.add(new LikelyDuplicate(t.key(), t.summary(), similarity));
            }
        }
        out.sort(Comparator.comparingDouble(LikelyDuplicate::similarity).reversed());
        return List.copyOf(out.subList(0, Math.min(MOST, out.size())));
    }

    /** How alike two summaries are, 0..1 (the benchmark's measure; empty when the model is not loaded). */
    public java.util.OptionalDouble similarity(String a, String b) {
        EmbeddingModel model = loading.await(loadWait).orElse(null);
        try {
            return model == null ? java.util.OptionalDouble.empty()
                    : java.util.OptionalDouble.of(MiniLmHints.cosine(vector(model, a), vector(model, b)));
        } catch (SentenceModel.Closed e) {
            return java.util.OptionalDouble.empty();
        }
    }

    private float[] vector(EmbeddingModel model, String text) {
        String key = text.strip();
        synchronized (vectors) {
            float[] v = vectors.get(key);
            if (v != null) {
                return v;
            }
        }
        float[] v = model.embed(TextSegment.from(key)).content().vector();
        synchronized (vectors) {
            vectors.put(key, v);
        }
        return v;
    }
}

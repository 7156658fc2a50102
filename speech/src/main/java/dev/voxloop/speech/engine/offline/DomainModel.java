package dev.voxloop.speech.engine.offline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offline engine's language model and dictionary, built at start-up from the domain corpus and the
 * tracker's vocabulary and written as files Sphinx4 can load ("domain.lm": the extension picks Sphinx's ARPA
 * reader; "domain.dict": only the words the model can produce).
 */
public record DomainModel(Path languageModel, Path dictionary, int sentences, int words) {

    public static final int CORPUS_SIZE = 6000;
    public static final long SEED = 20261125L;

    public static DomainModel build(List<String> trackerVocabulary, Path dir) {
        List<String> corpus = new DomainCorpus(trackerVocabulary).sentences(CORPUS_SIZE, SEED);
        return fromCorpus(corpus, dir, Pronunciations.nameParts(trackerVocabulary));
    }

    /** Model and dictionary for exactly these sentences (words with no possible pronunciation are dropped). */
    public static DomainModel fromCorpus(List<String> corpus, Path dir) {
        return fromCorpus(corpus, dir, Map.of());
    }

    /**
     * As {@link #fromCorpus(List, Path)}, saying run-together names by the parts their owners write
     * ({@link Pronunciations#nameParts}).
     */
    public static DomainModel fromCorpus(List<String> corpus, Path dir, Map<String, List<String>> nameParts) {
        try {
            Files.createDirectories(dir);
            // words without any pronunciation (symbols only) are dropped before estimating the model
            ArpaTrigramModel first = new ArpaTrigramModel(corpus);
            Set<String> vocabulary = first.vocabulary();
            Pronunciations pron = Pronunciations.forWords(vocabulary, nameParts);
            List<String> usable = corpus.stream().filter(s -> DomainCorpus.words(s).stream()
                    .allMatch(w -> !pron.of(w).isEmpty())).toList();
            ArpaTrigramModel model = usable.size() == corpus.size() ? first : new ArpaTrigramModel(usable);
            Path lm = dir.resolve("domain.lm");
            Path dict = dir.resolve("domain.dict");
            Files.writeString(lm, model.toArpa(), StandardCharsets.UTF_8);
            Files.writeString(dict, pron.dictionaryFor(model.vocabulary()), StandardCharsets.UTF_8);
            return new DomainModel(lm, dict, usable.size(), model.vocabulary().size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.voxloop.speech.engine.pocketsphinx;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One PocketSphinx decoder in this process: the acoustic model and dictionary load once, the language models
 * are interpolated by SphinxBase (P = sum of weight * P_model), and each {@link #decode} is one whole utterance.
 * Every utterance starts from the same state (batch cepstral mean per utterance, set in the model's
 * feat.params), so the same audio always gives the same words. Not thread-safe: one caller at a time.
 */
public final class PocketSphinxDecoder implements AutoCloseable {

    /** One recognised word with its timing and its posterior probability in the lattice (0..1). */
    public record Word(String text, double startSeconds, double endSeconds, double posterior) {
    }

    /** One path of the N best: its words (fillers removed) and its path score as a natural logarithm. */
    public record LatticePath(String text, double logScore) {
    }

    /**
     * @param text  best hypothesis, fillers removed
     * @param words its words (fillers removed)
     * @param paths the lattice's best paths in the order the search gives them (several may read the same once
     *              fillers and pronunciation variants are dropped); empty when only the best was asked for
     */
    public record Decoded(String text, List<Word> words, List<LatticePath> paths) {
    }

    /** A language model file and its interpolation weight. */
    public record LanguageModel(String name, Path file, float weight) {
    }

    private static final double FRAMES_PER_SECOND = 100.0;
    private static final String SEARCH = "voxloop";

    private final PocketSphinxLibrary ps;
    private final PocketSphinxLibrary.SphinxBase base;
    private final Pointer config;
    private final Pointer decoder;
    private final Pointer lmSet;
    private final int nbest;

    /**
     * @param acousticModel directory of the acoustic model (mdef, means, feat.params, ...)
     * @param dictionary    pronunciation dictionary file (CMUdict format)
     * @param extraWords    words the dictionary lacks, with their phones ("bookit" -> "B UH K IH T")
     * @param models        language models to interpolate; weights should sum to 1
     * @param options       further decoder options as flag/value pairs ("-beam", "1e-40", ...)
     * @param nbest         how many paths of the lattice to read per utterance (1: the best only)
     */
    public PocketSphinxDecoder(Path acousticModel, Path dictionary, Map<String, String> extraWords,
                               List<LanguageModel> models, List<String> options, int nbest) {
        this.ps = PocketSphinxLibrary.load();
        this.base = PocketSphinxLibrary.SphinxBase.LIB;
        this.nbest = nbest;
        List<String> args = new ArrayList<>(List.of("-hmm", acousticModel.toString(), "-dict", dictionary.toString(),
                "-logfn", "/dev/null", "-bestpath", "yes"));
        args.addAll(options);
        this.config = base.cmd_ln_parse_r(null, ps.ps_args(), args.size(), args.toArray(String[]::new), 1);
        if (config == null) {
            throw new IllegalArgumentException("PocketSphinx rejected the options " + options);
        }
        this.decoder = ps.ps_init(config);
        if (decoder == null) {
            base.cmd_ln_free_r(config);
            throw new IllegalStateException("PocketSphinx could not load the acoustic model " + acousticModel);
        }
        try {
            for (Map.Entry<String, String> w : extraWords.entrySet()) {
                ps.ps_add_word(decoder, w.getKey(), w.getValue(), 0);
            }
            this.lmSet = readModels(models);
            if (ps.ps_set_lm(decoder, SEARCH, lmSet) < 0 || ps.ps_set_search(decoder, SEARCH) < 0) {
                throw new IllegalStateException("PocketSphinx could not use the language models " + models);
            }
        } catch (RuntimeException e) {
            ps.ps_free(decoder);
            base.cmd_ln_free_r(config);
            throw e;
        }
    }

    private Pointer readModels(List<LanguageModel> models) {
        Pointer logmath = ps.ps_get_logmath(decoder);
        Pointer[] read = new Pointer[models.size()];
        String[] names = new String[models.size()];
        float[] weights = new float[models.size()];
        for (int i = 0; i < read.length; i++) {
            LanguageModel m = models.get(i);
            // the model takes ownership of the log-math table it is given: hand it a reference of its own
            read[i] = base.ngram_model_read(config, m.file().toString(), PocketSphinxLibrary.NGRAM_AUTO,
                    base.logmath_retain(logmath));
            if (read[i] == null) {
                for (int j = 0; j < i; j++) {
                    base.ngram_model_free(read[j]);
                }
                throw new IllegalStateException("PocketSphinx could not read the language model " + m.file());
            }
            names[i] = m.name();
            weights[i] = m.weight();
        }
        return base.ngram_model_set_init(config, read, names, weights, read.length);
    }

    /** Decodes one utterance of 16 kHz mono 16-bit samples. */
    public Decoded decode(short[] pcm) {
        // a new stream per utterance: the noise estimate of the previous request must not shape this one
        if (ps.ps_start_stream(decoder) < 0 || ps.ps_start_utt(decoder) < 0) {
            throw new IllegalStateException("PocketSphinx could not start an utterance");
        }
        ps.ps_process_raw(decoder, pcm, new NativeLong(pcm.length), 0, 1);
        if (ps.ps_end_utt(decoder) < 0) {
            throw new IllegalStateException("PocketSphinx could not finish the utterance");
        }
        List<Word> words = words();
        String text = String.join(" ", words.stream().map(Word::text).toList());
        return new Decoded(text, words, paths());
    }

    private List<Word> words() {
        Pointer logmath = ps.ps_get_logmath(decoder);
        List<Word> out = new ArrayList<>();
        IntByReference sf = new IntByReference();
        IntByReference ef = new IntByReference();
        IntByReference a = new IntByReference();
        IntByReference l = new IntByReference();
        IntByReference b = new IntByReference();
        for (Pointer seg = ps.ps_seg_iter(decoder); seg != null; seg = ps.ps_seg_next(seg)) {
            String word = clean(ps.ps_seg_word(seg));
            if (word == null) {
                continue;
            }
            ps.ps_seg_frames(seg, sf, ef);
            double posterior = base.logmath_exp(logmath, ps.ps_seg_prob(seg, a, l, b));
            out.add(new Word(word, sf.getValue() / FRAMES_PER_SECOND, (ef.getValue() + 1) / FRAMES_PER_SECOND,
                    Math.max(0, Math.min(1, posterior))));
        }
        return out;
    }

    private List<LatticePath> paths() {
        if (nbest <= 1) {
            return List.of();
        }
        double lnBase = Math.log(base.logmath_get_base(ps.ps_get_logmath(decoder)));
        List<LatticePath> out = new ArrayList<>();
        IntByReference score = new IntByReference();
        Pointer it = ps.ps_nbest(decoder);
        while (it != null && out.size() < nbest) {
            String hyp = ps.ps_nbest_hyp(it, score);
            if (hyp != null) {
                List<String> kept = new ArrayList<>();
                for (String token : hyp.strip().split("\\s+")) {
                    String w = clean(token);
                    if (w != null) {
                        kept.add(w);
                    }
                }
                out.add(new LatticePath(String.join(" ", kept), score.getValue() * lnBase));
            }
            it = ps.ps_nbest_next(it);
        }
        if (it != null) {
            ps.ps_nbest_free(it);
        }
        return List.copyOf(out);
    }

    /** Null for silence and noise tokens; "word(2)" (an alternative pronunciation) becomes "word". */
    static String clean(String token) {
        if (token == null || token.isEmpty() || token.startsWith("<") || token.startsWith("[")
                || token.startsWith("++")) {
            return null;
        }
        int paren = token.indexOf('(');
        return paren > 0 ? token.substring(0, paren) : token;
    }

    @Override
    public void close() {
        ps.ps_free(decoder);
        base.ngram_model_free(lmSet);
        base.cmd_ln_free_r(config);
    }
}

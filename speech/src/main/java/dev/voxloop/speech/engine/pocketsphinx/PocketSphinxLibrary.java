package dev.voxloop.speech.engine.pocketsphinx;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * The C functions of PocketSphinx 5prealpha and SphinxBase (Debian 12: libpocketsphinx3, libsphinxbase3) that
 * the decoder uses, bound through JNA. Pointers are opaque handles owned by the library; see
 * {@link PocketSphinxDecoder} for who frees what.
 */
interface PocketSphinxLibrary extends Library {

    /** ngram_file_type_t: let SphinxBase recognise ARPA text or the binary trie by content. */
    int NGRAM_AUTO = 0;

    static PocketSphinxLibrary load() {
        // SphinxBase first: PocketSphinx's symbols refer to it
        Native.load("sphinxbase", SphinxBase.class);
        return Native.load("pocketsphinx", PocketSphinxLibrary.class);
    }

    /** Argument definitions for ps_init. */
    Pointer ps_args();

    Pointer ps_init(Pointer config);

    int ps_free(Pointer ps);

    Pointer ps_get_logmath(Pointer ps);

    int ps_add_word(Pointer ps, String word, String phones, int update);

    int ps_set_lm(Pointer ps, String name, Pointer lm);

    int ps_set_search(Pointer ps, String name);

    /** Resets what the front end learnt about the channel (noise level) so far. */
    int ps_start_stream(Pointer ps);

    int ps_start_utt(Pointer ps);

    int ps_process_raw(Pointer ps, short[] data, NativeLong samples, int noSearch, int fullUtterance);

    int ps_end_utt(Pointer ps);

    String ps_get_hyp(Pointer ps, IntByReference bestScore);

    /** Posterior probability of the best hypothesis (log, in the decoder's log base). */
    int ps_get_prob(Pointer ps);

    Pointer ps_seg_iter(Pointer ps);

    Pointer ps_seg_next(Pointer seg);

    String ps_seg_word(Pointer seg);

    void ps_seg_frames(Pointer seg, IntByReference startFrame, IntByReference endFrame);

    int ps_seg_prob(Pointer seg, IntByReference acoustic, IntByReference language, IntByReference backoff);

    void ps_seg_free(Pointer seg);

    /** A* search over the last utterance's lattice: an iterator of whole hypotheses, best path score first. */
    Pointer ps_nbest(Pointer ps);

    Pointer ps_nbest_next(Pointer nbest);

    /** The current hypothesis' words and its path score (acoustic + weighted language score, log). */
    String ps_nbest_hyp(Pointer nbest, IntByReference score);

    void ps_nbest_free(Pointer nbest);

    /** SphinxBase: configuration, language models, log arithmetic, logging. */
    interface SphinxBase extends Library {

        SphinxBase LIB = Native.load("sphinxbase", SphinxBase.class);

        Pointer cmd_ln_parse_r(Pointer previous, Pointer definitions, int argc, String[] argv, int strict);

        int cmd_ln_free_r(Pointer config);

        Pointer ngram_model_read(Pointer config, String file, int type, Pointer logmath);

        Pointer ngram_model_set_init(Pointer config, Pointer[] models, String[] names, float[] weights, int n);

        int ngram_model_free(Pointer model);

        double logmath_exp(Pointer logmath, int value);

        /** The base of the decoder's integer logarithms (1.0001 by default). */
        double logmath_get_base(Pointer logmath);

        Pointer logmath_retain(Pointer logmath);

        int err_set_logfp(Pointer file);
    }
}

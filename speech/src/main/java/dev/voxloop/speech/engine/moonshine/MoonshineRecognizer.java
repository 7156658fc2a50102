package dev.voxloop.speech.engine.moonshine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.transcript.Transcript;
import dev.voxloop.speech.audio.SpeechAudio;
import dev.voxloop.speech.engine.Heard;
import dev.voxloop.speech.engine.Recognizer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Moonshine: the audio is encoded once, then the decoder writes one token at a time, always the likeliest
 * (greedy), reusing its attention cache. A recording longer than the model is comfortable with is cut at its
 * quietest moments ({@link AudioChunks}) and each part is transcribed alone.
 *
 * <p>The confidence is the mean of the words' probabilities, a word's probability being the product of the
 * probabilities the decoder gave each of its tokens when it chose them: the share of words it expects to have
 * right, as the offline engine's lattice posteriors are.
 */
public final class MoonshineRecognizer implements Recognizer {

    /** Tokens the decoder may write per second of audio: a bound for a decoder that does not stop. */
    static final double TOKENS_PER_SECOND = 6;
    private final MoonshineModel model;
    private final Supplier<List<String>> names;
    private List<String> biasedNames = List.of();
    private ContextBias bias = ContextBias.NONE;

    /** @param names the tracker's names, read per recording and made likelier ({@link ContextBias}) */
    public MoonshineRecognizer(MoonshineSize size, Supplier<List<String>> names) throws OrtException {
        this.model = MoonshineModel.shared(size);
        this.names = names;
    }

    /** The bias for the tracker's names as they are now; rebuilt only when they changed. */
    private ContextBias bias() {
        List<String> now = names.get();
        if (!now.equals(biasedNames)) {
            bias = ContextBias.of(now, model.pieces);
            biasedNames = List.copyOf(now);
        }
        return bias;
    }

    @Override
    public Heard recognize(SpeechAudio audio) throws OrtException {
        try {
            return transcribe(audio);
        } catch (MoonshineModel.Closed e) {
            throw new Problem(Problem.Kind.UNAVAILABLE, "The server is stopping; try again once it is back", null);
        }
    }

    private Heard transcribe(SpeechAudio audio) throws OrtException {
        StringBuilder text = new StringBuilder();
        List<Transcript.Segment> segments = new ArrayList<>();
        List<Double> wordProbabilities = new ArrayList<>();
        ContextBias bias = bias();
        for (AudioChunks.Chunk chunk : AudioChunks.of(audio.samples(), SpeechAudio.RATE)) {
            Decoded d = decode(chunk.samples(), bias);
            String said = model.pieces.text(d.tokens());
            if (said.isEmpty()) {
                continue;
            }
            wordProbabilities.addAll(d.wordProbabilities(model.pieces));
            segments.add(new Transcript.Segment(chunk.startSeconds(), chunk.endSeconds(), said));
            text.append(text.isEmpty() ? "" : " ").append(said);
        }
        double confidence = wordProbabilities.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return new Heard(text.toString(), "en", text.isEmpty() ? 0.0 : confidence, segments);
    }

    /** The tokens the decoder chose for one piece of audio (without start and end), with their probabilities. */
    record Decoded(List<Integer> tokens, List<Double> probabilities) {

        /** One probability per word: the product of its tokens' (punctuation joins the word before it). */
        List<Double> wordProbabilities(TokenPieces pieces) {
            List<Double> words = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                if (words.isEmpty() || pieces.startsWord(tokens.get(i))) {
                    words.add(probabilities.get(i));
                } else {
                    words.set(words.size() - 1, words.getLast() * probabilities.get(i));
                }
            }
            return words;
        }
    }

    private Decoded decode(float[] samples, ContextBias bias) throws OrtException {
        int limit = Math.max(4, (int) Math.ceil(samples.length / (double) SpeechAudio.RATE * TOKENS_PER_SECOND));
        List<Integer> tokens = new ArrayList<>();
        List<Double> probabilities = new ArrayList<>();
        StringBuilder written = new StringBuilder();
        List<AutoCloseable> open = new ArrayList<>();
        OrtSession.Result previous = null;
        MoonshineModel.enter();
        try {
            OnnxTensor input = OnnxTensor.createTensor(model.environment, FloatBuffer.wrap(samples),
                    new long[] {1, samples.length});
            open.add(input);
            OrtSession.Result encoded = model.encoder.run(Map.of("input_values", input));
            open.add(encoded);
            OnnxTensor hidden = (OnnxTensor) encoded.get(0);
            Map<String, OnnxTensor> past = emptyCache();
            past.values().forEach(open::add);
            long next = MoonshineModel.START_TOKEN;
            for (int step = 0; step < limit; step++) {
                Map<String, OnnxTensor> in = new HashMap<>(past);
                OnnxTensor ids = OnnxTensor.createTensor(model.environment, LongBuffer.wrap(new long[] {next}),
                        new long[] {1, 1});
                OnnxTensor useCache = OnnxTensor.createTensor(model.environment, new boolean[] {step > 0});
                in.put("input_ids", ids);
                in.put("encoder_hidden_states", hidden);
                in.put("use_cache_branch", useCache);
                OrtSession.Result out;
                try {
                    out = model.decoder.run(in);
                } finally {
                    ids.close();
                    useCache.close();
                }
                float[] logits = lastLogits(out);
                if (step == 0) {
                    // the intake passes on only audio with speech in it, yet on muffled audio (telephone band)
                    // the decoder may end before its first word: the likeliest first word is a better guess
                    logits[MoonshineModel.END_TOKEN] = Float.NEGATIVE_INFINITY;
                }
                float[] biased = logits.clone();
                bias.apply(written, biased);
                int best = argMax(biased);
                // the model's own belief in the token, not the bias's: a name it barely heard stays unsure
                double probability = probability(logits, best);
                // the decoder's cache of the audio is written once, at the first step; its cache of the tokens grows
                for (Map.Entry<String, OnnxTensor> e : past.entrySet()) {
                    if (step == 0 || e.getKey().contains(".decoder.")) {
                        e.setValue((OnnxTensor) out.get(e.getKey().replace("past_key_values", "present")).orElseThrow());
                    }
                }
                if (step == 0) {
                    open.add(out);
                } else if (previous != null) {
                    previous.close();
                }
                previous = step == 0 ? null : out;
                if (best == MoonshineModel.END_TOKEN) {
                    break;
                }
                tokens.add(best);
                probabilities.add(probability);
                if (best < model.pieces.size()) {
                    written.append(model.pieces.piece(best));
                }
                if (Repetition.looping(tokens)) {
                    int keep = Repetition.withoutLoop(tokens);
                    tokens.subList(keep, tokens.size()).clear();
                    probabilities.subList(keep, probabilities.size()).clear();
                    break;
                }
                next = best;
            }
        } finally {
            if (previous != null) {
                previous.close();
            }
            for (AutoCloseable c : open.reversed()) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing a tensor or result frees memory only
                }
            }
            MoonshineModel.exit();
        }
        return new Decoded(tokens, probabilities);
    }

    private Map<String, OnnxTensor> emptyCache() throws OrtException {
        Map<String, OnnxTensor> past = new LinkedHashMap<>();
        for (int layer = 0; layer < model.size.layers; layer++) {
            for (String side : List.of("decoder", "encoder")) {
                for (String kind : List.of("key", "value")) {
                    past.put("past_key_values." + layer + "." + side + "." + kind, OnnxTensor.createTensor(
                            model.environment, FloatBuffer.allocate(0),
                            new long[] {0, MoonshineSize.HEADS, 1, model.size.headWidth}));
                }
            }
        }
        return past;
    }

    private static float[] lastLogits(OrtSession.Result out) throws OrtException {
        OnnxTensor logits = (OnnxTensor) out.get("logits").orElseThrow();
        long[] shape = logits.getInfo().getShape();
        int vocabulary = (int) shape[2];
        FloatBuffer all = logits.getFloatBuffer();
        float[] last = new float[vocabulary];
        all.position((int) ((shape[1] - 1) * vocabulary));
        all.get(last);
        return last;
    }

    static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The softmax probability of one entry. */
    static double probability(float[] logits, int index) {
        double max = logits[index];
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : logits) {
            sum += Math.exp(v - max);
        }
        return Math.exp(logits[index] - max) / sum;
    }
}

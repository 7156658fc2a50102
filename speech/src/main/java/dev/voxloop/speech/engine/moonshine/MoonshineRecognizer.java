package dev.voxloop.speech.engine.moonshine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.transcript.Hypothesis;
import dev.voxloop.core.transcript.Transcript;
import dev.voxloop.speech.audio.SpeechAudio;
import dev.voxloop.speech.engine.Heard;
import dev.voxloop.speech.engine.Recognizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Moonshine: the audio is encoded once, then the decoder writes one token at a time, reusing its attention cache.
 * It keeps the {@code beam} likeliest partial readings at each step ({@link BeamSearch}; a beam of one is greedy
 * decoding), and the readings it ends with are the transcript's N best, weighed by their probabilities, so the
 * extractor can weigh a type or a project heard only in a less likely reading. A recording longer than the model
 * is comfortable with is cut at its quietest moments ({@link AudioChunks}) and each part is transcribed alone; such
 * a recording gets one reading.
 *
 * <p>The confidence is the mean of the words' probabilities, a word's probability being the product of the
 * probabilities the decoder gave each of its tokens when it chose them: the share of words it expects to have
 * right, as the offline engine's lattice posteriors are.
 */
public final class MoonshineRecognizer implements Recognizer {

    /** Tokens the decoder may write per second of audio: a bound for a decoder that does not stop. */
    static final double TOKENS_PER_SECOND = 6;
    private final MoonshineModel model;
    private final int beam;
    private final Supplier<List<String>> names;
    /** The decoder's native input memory, reused: a recogniser decodes one recording at a time. */
    private final DecoderScratch scratch = new DecoderScratch();
    private List<String> biasedNames;
    private ContextBias bias = ContextBias.NONE;

    /**
     * @param beam  how many partial readings the decoder keeps (1: greedy)
     * @param names the tracker's names, read per recording and made likelier ({@link ContextBias})
     */
    public MoonshineRecognizer(MoonshineSize size, int beam, Supplier<List<String>> names) throws OrtException {
        if (beam < 1) {
            throw new IllegalArgumentException("the beam must be at least 1 wide, got " + beam);
        }
        this.model = MoonshineModel.shared(size);
        this.beam = beam;
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
        List<List<BeamSearch.Written>> readings = new ArrayList<>();
        ContextBias bias = bias();
        float[] heard = LeadIn.of(audio.samples());
        // the segments' times are the recording's, without the silence put before it
        double added = (heard.length - audio.samples().length) / (double) SpeechAudio.RATE;
        for (AudioChunks.Chunk chunk : AudioChunks.of(heard, SpeechAudio.RATE)) {
            List<BeamSearch.Written> written = decode(chunk.samples(), bias);
            BeamSearch.Written best = written.getFirst();
            String said = model.pieces.text(best.tokens());
            if (said.isEmpty()) {
                continue;
            }
            readings.add(written);
            wordProbabilities.addAll(wordProbabilities(best));
            segments.add(new Transcript.Segment(Math.max(0, chunk.startSeconds() - added), chunk.endSeconds() - added,
                    said));
            text.append(text.isEmpty() ? "" : " ").append(said);
        }
        double confidence = wordProbabilities.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        List<Hypothesis> hypotheses = readings.size() == 1 ? hypotheses(readings.getFirst()) : List.of();
        return new Heard(text.toString(), "en", text.isEmpty() ? 0.0 : confidence, segments, hypotheses);
    }

    /**
     * The readings as N best: each weighed by its probability against the others', readings that spell the same
     * words as one; none when there is only one.
     */
    List<Hypothesis> hypotheses(List<BeamSearch.Written> written) {
        double top = written.stream().mapToDouble(BeamSearch.Written::logProbability).max().orElse(0);
        Map<String, Double> byText = new LinkedHashMap<>();
        for (BeamSearch.Written w : written) {
            String t = model.pieces.text(w.tokens());
            if (!t.isEmpty()) {
                byText.merge(t, Math.exp(w.logProbability() - top), Double::sum);
            }
        }
        if (byText.size() < 2) {
            return List.of();
        }
        double sum = byText.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Hypothesis> out = new ArrayList<>();
        byText.forEach((t, v) -> out.add(new Hypothesis(t, Math.min(1, v / sum))));
        return List.copyOf(out);
    }

    /** One probability per word: the product of its tokens' (punctuation joins the word before it). */
    private List<Double> wordProbabilities(BeamSearch.Written w) {
        List<Double> words = new ArrayList<>();
        for (int i = 0; i < w.tokens().size(); i++) {
            if (words.isEmpty() || model.pieces.startsWord(w.tokens().get(i))) {
                words.add(w.probabilities().get(i));
            } else {
                words.set(words.size() - 1, words.getLast() * w.probabilities().get(i));
            }
        }
        return words;
    }

    /** The readings of one piece of audio, best first. */
    private List<BeamSearch.Written> decode(float[] samples, ContextBias bias) throws OrtException {
        int limit = Math.max(4, (int) Math.ceil(samples.length / (double) SpeechAudio.RATE * TOKENS_PER_SECOND));
        MoonshineModel.enter();
        try (OnnxTensor input = OnnxTensor.createTensor(model.environment,
                scratch.take("input_values", samples.length).put(samples).rewind(), new long[] {1, samples.length});
             OrtSession.Result encoded = model.encoder.run(Map.of("input_values", input));
             DecoderRows rows = new DecoderRows(model, (OnnxTensor) encoded.get(0), scratch)) {
            return new BeamSearch(beam, MoonshineModel.START_TOKEN, MoonshineModel.END_TOKEN, bias, model.pieces)
                    .run(rows, limit);
        } finally {
            scratch.trim();
            MoonshineModel.exit();
        }
    }
}

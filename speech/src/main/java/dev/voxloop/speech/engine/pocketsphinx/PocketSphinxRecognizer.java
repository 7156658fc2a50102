package dev.voxloop.speech.engine.pocketsphinx;

import dev.voxloop.core.transcript.Transcript;
import dev.voxloop.speech.audio.SpeechAudio;
import dev.voxloop.speech.engine.Heard;
import dev.voxloop.speech.engine.Recognizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offline engine: PocketSphinx decoding with Debian's general English model interpolated with the domain
 * model built at start-up (ticket phrasing and the tracker's names). The general model lets it follow words no
 * template has; the domain model makes ticket words and project names likely. The confidence is the mean of the
 * words' posterior probabilities in the decoder's lattice: the share of words it expects to have right. The
 * lattice's best paths are carried with the transcript as its N best readings, each with its posterior share.
 */
public final class PocketSphinxRecognizer implements Recognizer {

    /**
     * Paths of the lattice read per utterance, the readings carried with the transcript and how much the path
     * score is flattened, chosen on the development sets (docs/benchmarks.md, Speech: N best hypotheses): more
     * paths than 30 changed no draft there.
     */
    static final int PATHS = 30;
    static final NBestReadings READINGS = new NBestReadings(0.01, 10);

    private final PocketSphinxDecoder decoder;

    /**
     * @param model          Debian's PocketSphinx model files
     * @param domainModel    ARPA file of the domain model
     * @param domainDict     pronunciations of the domain model's words (CMUdict format)
     * @param tuning         interpolation weight and search settings
     */
    public PocketSphinxRecognizer(PocketSphinxModel model, Path domainModel, Path domainDict,
                                  PocketSphinxTuning tuning) {
        Map<String, String> extra = wordsTheDictionaryLacks(domainDict, model.dictionaryWords());
        this.decoder = new PocketSphinxDecoder(model.acousticModel(), model.dictionary(), extra, List.of(
                new PocketSphinxDecoder.LanguageModel("general", model.generalLanguageModel(),
                        (float) (1 - tuning.domainWeight())),
                new PocketSphinxDecoder.LanguageModel("domain", domainModel, (float) tuning.domainWeight())),
                tuning.options(), PATHS);
    }

    private static Map<String, String> wordsTheDictionaryLacks(Path domainDict, Set<String> known) {
        Map<String, String> extra = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(domainDict, StandardCharsets.UTF_8)) {
                int sp = line.indexOf(' ');
                if (sp <= 0) {
                    continue;
                }
                String entry = line.substring(0, sp);
                int paren = entry.indexOf('(');
                if (!known.contains(paren > 0 ? entry.substring(0, paren) : entry)) {
                    extra.put(entry, line.substring(sp + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return extra;
    }

    @Override
    public Heard recognize(SpeechAudio audio) {
        float[] samples = audio.samples();
        short[] pcm = new short[samples.length];
        for (int i = 0; i < samples.length; i++) {
            pcm[i] = (short) Math.round(Math.max(-1f, Math.min(1f, samples[i])) * 32767f);
        }
        PocketSphinxDecoder.Decoded d = decoder.decode(pcm);
        if (d.words().isEmpty()) {
            return new Heard("", "en", 0.0, List.of());
        }
        double confidence = d.words().stream().mapToDouble(PocketSphinxDecoder.Word::posterior).average()
                .orElse(0);
        List<Transcript.Segment> segments = List.of(new Transcript.Segment(d.words().getFirst().startSeconds(),
                d.words().getLast().endSeconds(), d.text()));
        return new Heard(d.text(), "en", confidence, segments, READINGS.of(d.text(), d.paths()));
    }

    @Override
    public void close() {
        decoder.close();
    }
}

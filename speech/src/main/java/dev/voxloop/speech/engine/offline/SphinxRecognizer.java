package dev.voxloop.speech.engine.offline;

import dev.voxloop.core.transcript.Transcript;
import dev.voxloop.speech.audio.SpeechAudio;
import dev.voxloop.speech.engine.Heard;
import dev.voxloop.speech.engine.Recognizer;
import edu.cmu.sphinx.api.Configuration;
import edu.cmu.sphinx.api.Context;
import edu.cmu.sphinx.frontend.FrontEnd;
import edu.cmu.sphinx.result.Result;
import edu.cmu.sphinx.result.WordResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CMU Sphinx4 with the domain model, kept allocated: the acoustic model, dictionary and language model load
 * once in the constructor and every request only points the front end at new audio.
 */
public final class SphinxRecognizer implements Recognizer {

    static final String ACOUSTIC_MODEL = "resource:/edu/cmu/sphinx/models/en-us/en-us";

    private final Context context;
    private final edu.cmu.sphinx.recognizer.Recognizer recognizer;
    private final FrontEnd frontEnd;

    public SphinxRecognizer(DomainModel model, SphinxTuning tuning) throws IOException {
        Configuration c = new Configuration();
        c.setAcousticModelPath(ACOUSTIC_MODEL);
        c.setDictionaryPath(model.dictionary().toUri().toString());
        c.setLanguageModelPath(model.languageModel().toUri().toString());
        c.setSampleRate(SpeechAudio.RATE);
        Path config = tuning.writeConfig(model.languageModel().getParent());
        this.context = new Context(config.toUri().toString(), c);
        this.recognizer = context.getInstance(edu.cmu.sphinx.recognizer.Recognizer.class);
        recognizer.allocate();
        this.frontEnd = context.getInstance(FrontEnd.class);
    }

    @Override
    public Heard recognize(SpeechAudio audio) {
        // every request starts from the same front-end state (voice detector levels, pre-emphasis and window
        // buffers), so recognition depends on this audio only
        frontEnd.initialize();
        context.setSpeechSource(new ByteArrayInputStream(audio.pcm16le()));
        StringBuilder text = new StringBuilder();
        List<Transcript.Segment> segments = new ArrayList<>();
        Result result;
        while ((result = recognizer.recognize()) != null) {
            String hyp = result.getBestFinalResultNoFiller().strip();
            if (hyp.isEmpty()) {
                continue;
            }
            text.append(text.isEmpty() ? "" : " ").append(hyp);
            List<WordResult> words = result.getTimedBestResult(false);
            if (!words.isEmpty()) {
                segments.add(new Transcript.Segment(words.get(0).getTimeFrame().getStart() / 1000.0,
                        words.get(words.size() - 1).getTimeFrame().getEnd() / 1000.0, hyp));
            }
        }
        return new Heard(text.toString(), "en", null, segments);
    }

    @Override
    public void close() {
        recognizer.deallocate();
    }
}

package dev.voxloop.speech.engine;

/** Creates one warm recogniser; may take seconds (models load here, once). */
@FunctionalInterface
public interface RecognizerLoader {

    Recognizer load() throws Exception;
}

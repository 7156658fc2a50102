package dev.voxloop.speech.engine.moonshine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moonshine's decoder over one encoded piece of audio, run for several partial readings at once (one batch row
 * each). The decoder's cache of the audio is written at the first step and copied to every row once; its cache of
 * the tokens grows by a step each time and is re-ordered to follow each row's parent, as a beam search moves
 * rows around.
 */
final class DecoderRows implements BeamSearch.Decoder, AutoCloseable {

    private final MoonshineModel model;
    /** The encoder's output for one row. */
    private final OnnxTensor hidden;
    private final long[] hiddenShape;
    /** The audio's cache, one row: written at the first step. */
    private final Map<String, float[]> audioCache = new LinkedHashMap<>();
    private long[] audioCacheShape;
    /** The audio's cache and the encoder's output repeated for {@link #audioRowCount} rows. */
    private final Map<String, OnnxTensor> audioRows = new HashMap<>();
    private int audioRowCount;
    /** The tokens' cache by name, as the last step left it (rows, heads, steps, width). */
    private final Map<String, float[]> tokenCache = new LinkedHashMap<>();
    private long[] tokenCacheShape;

    private final DecoderScratch scratch;

    DecoderRows(MoonshineModel model, OnnxTensor hidden, DecoderScratch scratch) throws OrtException {
        this.model = model;
        this.scratch = scratch;
        this.hidden = hidden;
        this.hiddenShape = hidden.getInfo().getShape();
    }

    @Override
    public float[][] next(long[] last, int[] parents) throws OrtException {
        int rows = last.length;
        boolean first = parents.length == 1 && parents[0] < 0;
        List<AutoCloseable> open = new ArrayList<>();
        try {
            Map<String, OnnxTensor> in = new HashMap<>();
            in.put("input_ids", track(open, OnnxTensor.createTensor(model.environment, LongBuffer.wrap(last),
                    new long[] {rows, 1})));
            in.put("use_cache_branch", track(open, OnnxTensor.createTensor(model.environment, new boolean[] {!first})));
            for (String name : cacheNames()) {
                if (first) {
                    in.put(name, track(open, empty()));
                } else if (name.contains(".decoder.")) {
                    in.put(name, track(open, gathered(name, tokenCache.get(name), tokenCacheShape, parents)));
                }
            }
            if (first) {
                in.put("encoder_hidden_states", hidden);
            } else {
                in.putAll(audioRows(rows));
            }
            OrtSession.Result out = model.decoder.run(in);
            open.add(out);
            for (String name : cacheNames()) {
                OnnxTensor present = (OnnxTensor) out.get(name.replace("past_key_values", "present")).orElseThrow();
                if (name.contains(".decoder.")) {
                    tokenCache.put(name, floats(present));
                    tokenCacheShape = present.getInfo().getShape();
                } else if (first) {
                    audioCache.put(name, floats(present));
                    audioCacheShape = present.getInfo().getShape();
                }
            }
            return logits((OnnxTensor) out.get("logits").orElseThrow(), rows);
        } finally {
            for (AutoCloseable c : open.reversed()) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing a tensor or result frees memory only
                }
            }
        }
    }

    /**
     * The audio's cache and the encoder's output for {@code rows} rows, each row the same; made again (in the same
     * scratch buffers) only when the number of rows changes.
     */
    private Map<String, OnnxTensor> audioRows(int rows) throws OrtException {
        if (rows != audioRowCount) {
            closeAudioRows();
            audioRows.put("encoder_hidden_states", rows == 1 ? hidden
                    : repeated("encoder_hidden_states", floats(hidden), hiddenShape, rows));
            for (Map.Entry<String, float[]> e : audioCache.entrySet()) {
                audioRows.put(e.getKey(), repeated(e.getKey(), e.getValue(), audioCacheShape, rows));
            }
            audioRowCount = rows;
        }
        return audioRows;
    }

    private void closeAudioRows() {
        audioRows.forEach((name, t) -> {
            if (t != hidden) {
                t.close();
            }
        });
        audioRows.clear();
        audioRowCount = 0;
    }

    /** The rows of {@code values} in the order {@code parents} names them. */
    private OnnxTensor gathered(String name, float[] values, long[] shape, int[] parents) throws OrtException {
        int row = (int) (values.length / shape[0]);
        FloatBuffer out = scratch.take(name, row * parents.length);
        for (int parent : parents) {
            out.put(values, parent * row, row);
        }
        out.rewind();
        long[] s = shape.clone();
        s[0] = parents.length;
        return OnnxTensor.createTensor(model.environment, out, s);
    }

    /** One row repeated: the audio's cache is the same for every row. */
    private OnnxTensor repeated(String name, float[] one, long[] shape, int rows) throws OrtException {
        FloatBuffer out = scratch.take(name, one.length * rows);
        for (int i = 0; i < rows; i++) {
            out.put(one);
        }
        out.rewind();
        long[] s = shape.clone();
        s[0] = rows;
        return OnnxTensor.createTensor(model.environment, out, s);
    }

    private List<String> cacheNames() {
        List<String> names = new ArrayList<>();
        for (int layer = 0; layer < model.size.layers; layer++) {
            for (String side : List.of("decoder", "encoder")) {
                for (String kind : List.of("key", "value")) {
                    names.add("past_key_values." + layer + "." + side + "." + kind);
                }
            }
        }
        return names;
    }

    /** The first step's stand-in cache: the decoder computes both caches itself when told not to use them. */
    private OnnxTensor empty() throws OrtException {
        return OnnxTensor.createTensor(model.environment, FloatBuffer.allocate(0),
                new long[] {0, MoonshineSize.HEADS, 1, model.size.headWidth});
    }

    private static float[] floats(OnnxTensor t) {
        FloatBuffer b = t.getFloatBuffer();
        float[] out = new float[b.remaining()];
        b.get(out);
        return out;
    }

    private static float[][] logits(OnnxTensor logits, int rows) {
        long[] shape = logits.getInfo().getShape();
        int vocabulary = (int) shape[2];
        int steps = (int) shape[1];
        FloatBuffer all = logits.getFloatBuffer();
        float[][] out = new float[rows][vocabulary];
        for (int r = 0; r < rows; r++) {
            all.position((r * steps + steps - 1) * vocabulary);
            all.get(out[r]);
        }
        return out;
    }

    private static OnnxTensor track(List<AutoCloseable> open, OnnxTensor t) {
        open.add(t);
        return t;
    }

    @Override
    public void close() {
        closeAudioRows();
        audioCache.clear();
        tokenCache.clear();
    }
}

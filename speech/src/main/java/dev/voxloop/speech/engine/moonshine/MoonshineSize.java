package dev.voxloop.speech.engine.moonshine;

import java.util.Locale;

/**
 * The two English Moonshine models built into the jar. base (61 M parameters) gets fewer words wrong; tiny
 * (27 M) takes about a third of the CPU time (docs/benchmarks.md).
 *
 * @param layers    decoder layers
 * @param headWidth width of each of the decoder's eight key/value heads
 */
public enum MoonshineSize {
    TINY(6, 36),
    BASE(8, 52);

    static final int HEADS = 8;

    final int layers;
    final int headWidth;

    MoonshineSize(int layers, int headWidth) {
        this.layers = layers;
        this.headWidth = headWidth;
    }

    /** The name as configured and as its resource folder is called: "tiny" or "base". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MoonshineSize of(String label) {
        for (MoonshineSize s : values()) {
            if (s.label().equals(label.strip().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("speech.moonshine.model: expected tiny or base, got '" + label + "'");
    }

    String encoder() {
        return MoonshineModel.RESOURCES + label() + "/encoder_model.onnx";
    }

    String decoder() {
        return MoonshineModel.RESOURCES + label() + "/decoder_model_merged.onnx";
    }
}

package dev.voxloop.speech.engine.moonshine;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Native memory the decoder's inputs are written into, kept by one recogniser (used by one thread at a time) and
 * reused from step to step and recording to recording. ONNX Runtime reads a direct buffer in place; a fresh buffer
 * per step would leave its memory to be freed only when the garbage collector gets to it, and a beam search writes
 * megabytes of cache per step, so the process's size would grow with every recording until a collection.
 */
final class DecoderScratch {

    /**
     * After a recording, the buffers are let go if together they hold more than this: a request of ten seconds
     * needs about 65 MB at beam 4 (with room to grow), a 28 s piece about 155 MB, which should not stay for the rest
     * of the process's life.
     */
    static final long KEPT_FLOATS = 96L * 1024 * 1024 / Float.BYTES;

    private final Map<String, FloatBuffer> buffers = new HashMap<>();

    /**
     * The buffer for {@code name}, with room for {@code floats} values, positioned at 0 and limited to them. It is
     * only valid until the next call for the same name: the tensor made from it must be closed by then.
     */
    FloatBuffer take(String name, int floats) {
        FloatBuffer b = buffers.get(name);
        if (b == null || b.capacity() < floats) {
            // a little room to grow, so a recording a few tokens longer than the last does not reallocate
            int room = floats + floats / 4;
            b = ByteBuffer.allocateDirect(room * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
            buffers.put(name, b);
        }
        b.clear();
        b.limit(floats);
        return b;
    }

    /** Lets go of the buffers if only an unusually long recording needed so many; called once one is decoded. */
    void trim() {
        if (keptFloats() > KEPT_FLOATS) {
            buffers.clear();
        }
    }

    /** How many floats the kept buffers hold (for tests). */
    long keptFloats() {
        return buffers.values().stream().mapToLong(FloatBuffer::capacity).sum();
    }
}

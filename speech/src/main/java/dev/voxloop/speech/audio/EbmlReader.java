package dev.voxloop.speech.audio;

import java.util.function.Consumer;

/**
 * A minimal Matroska/WebM walker: descends the container elements that can hold audio blocks (also when a
 * live recorder wrote them with "unknown size") and hands every element to a visitor.
 */
final class EbmlReader {

    static final long SEGMENT = 0x18538067L;
    static final long CLUSTER = 0x1F43B675L;
    static final long BLOCK_GROUP = 0xA0L;
    static final long TRACKS = 0x1654AE6BL;
    static final long TRACK_ENTRY = 0xAEL;
    static final long AUDIO = 0xE1L;
    static final long BLOCK = 0xA1L;
    static final long SIMPLE_BLOCK = 0xA3L;
    static final long CODEC_ID = 0x86L;
    static final long TRACK_NUMBER = 0xD7L;
    static final long CODEC_DELAY = 0x56AAL;

    /** One element: its id and where its payload lies in the buffer. */
    record Element(long id, int start, int end) {
    }

    private final byte[] b;

    EbmlReader(byte[] bytes) {
        this.b = bytes;
    }

    void walk(Consumer<Element> visitor) {
        walk(0, b.length, visitor);
    }

    private void walk(int pos, int end, Consumer<Element> visitor) {
        while (pos < end) {
            int idLen = length(b[pos]);
            if (idLen > 4 || pos + idLen > end) {
                throw new IllegalArgumentException("bad element id at " + pos);
            }
            long id = 0;
            for (int i = 0; i < idLen; i++) {
                id = (id << 8) | (b[pos + i] & 0xff);
            }
            pos += idLen;
            if (pos >= end) {
                return;
            }
            int sizeLen = length(b[pos]);
            if (sizeLen > 8 || pos + sizeLen > end) {
                throw new IllegalArgumentException("bad element size at " + pos);
            }
            long size = b[pos] & (0xff >> sizeLen);
            boolean unknown = size == (0xff >> sizeLen);
            for (int i = 1; i < sizeLen; i++) {
                size = (size << 8) | (b[pos + i] & 0xff);
                unknown &= (b[pos + i] & 0xff) == 0xff;
            }
            pos += sizeLen;
            int payloadEnd = unknown || pos + size > end ? end : (int) (pos + size);
            visitor.accept(new Element(id, pos, payloadEnd));
            if (isContainer(id)) {
                walk(pos, payloadEnd, visitor);
                if (unknown) {
                    return; // an unknown-size element runs to the end of its parent
                }
            }
            pos = payloadEnd;
        }
    }

    private static boolean isContainer(long id) {
        return id == SEGMENT || id == CLUSTER || id == BLOCK_GROUP || id == TRACKS || id == TRACK_ENTRY
                || id == AUDIO;
    }

    /** Width of a variable-length integer from its first byte (1-8), or 9 for an invalid 0x00. */
    static int length(byte first) {
        int v = first & 0xff;
        for (int i = 1; i <= 8; i++) {
            if ((v & (0x100 >> i)) != 0) {
                return i;
            }
        }
        return 9;
    }

    long unsigned(Element e) {
        long v = 0;
        for (int i = e.start(); i < e.end(); i++) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v;
    }

    String string(Element e) {
        return new String(b, e.start(), e.end() - e.start(), java.nio.charset.StandardCharsets.US_ASCII).strip();
    }

    byte[] bytes() {
        return b;
    }
}

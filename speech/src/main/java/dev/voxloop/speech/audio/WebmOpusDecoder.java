package dev.voxloop.speech.audio;

import dev.voxloop.core.problem.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * WebM/Opus as Chrome's MediaRecorder writes it: EBML container, one Opus track, SimpleBlocks without lacing.
 */
public final class WebmOpusDecoder {

    public Pcm decode(byte[] bytes) {
        EbmlReader reader = new EbmlReader(bytes);
        List<EbmlReader.Element> blocks = new ArrayList<>();
        String[] codec = {null};
        long[] delayNs = {0};
        try {
            reader.walk(e -> {
                if (e.id() == EbmlReader.CODEC_ID && codec[0] == null) {
                    codec[0] = reader.string(e);
                } else if (e.id() == EbmlReader.CODEC_DELAY) {
                    delayNs[0] = reader.unsigned(e);
                } else if (e.id() == EbmlReader.SIMPLE_BLOCK || e.id() == EbmlReader.BLOCK) {
                    blocks.add(e);
                }
            });
        } catch (RuntimeException e) {
            if (blocks.isEmpty()) {
                throw new Problem(Problem.Kind.UNPROCESSABLE, "The WebM file is damaged and could not be read",
                        "audio", e);
            }
            // a recording cut off mid-element: keep the blocks read so far
        }
        if (codec[0] != null && !codec[0].equals("A_OPUS")) {
            throw new Problem(Problem.Kind.UNSUPPORTED_MEDIA, "WebM with " + codec[0]
                    + " audio is not decoded built-in; send Opus audio or install ffmpeg", "audio");
        }
        OpusPackets packets = new OpusPackets((int) (delayNs[0] * 48_000L / 1_000_000_000L));
        byte[] b = reader.bytes();
        for (EbmlReader.Element block : blocks) {
            int pos = block.start();
            int trackLen = EbmlReader.length(b[pos]);
            pos += trackLen + 2; // track number, 16-bit timecode
            int flags = b[pos] & 0xff;
            pos++;
            if ((flags & 0x06) != 0) {
                throw new Problem(Problem.Kind.UNSUPPORTED_MEDIA,
                        "Laced WebM blocks are not decoded built-in; install ffmpeg", "audio");
            }
            if (pos < block.end()) {
                packets.add(b, pos, block.end() - pos);
            }
        }
        return packets.result();
    }
}

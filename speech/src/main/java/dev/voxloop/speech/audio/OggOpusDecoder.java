package dev.voxloop.speech.audio;

import dev.voxloop.core.problem.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.gagravarr.ogg.OggFile;
import org.gagravarr.opus.OpusAudioData;
import org.gagravarr.opus.OpusFile;

/** Ogg/Opus (Firefox's MediaRecorder, opusenc, ffmpeg -c:a libopus) via vorbis-java-core and Concentus. */
public final class OggOpusDecoder {

    public Pcm decode(byte[] bytes) {
        try (OpusFile file = new OpusFile(new OggFile(new ByteArrayInputStream(bytes)))) {
            OpusPackets packets = new OpusPackets(file.getInfo().getPreSkip());
            OpusAudioData data;
            while ((data = file.getNextAudioPacket()) != null) {
                byte[] p = data.getData();
                packets.add(p, 0, p.length);
            }
            return packets.result();
        } catch (IOException | RuntimeException e) {
            if (e instanceof Problem p) {
                throw p;
            }
            // vorbis-java-core throws IllegalArgumentException for Ogg streams that are not Opus (e.g. Vorbis)
            throw new Problem(Problem.Kind.UNSUPPORTED_MEDIA,
                    "Only Opus audio in Ogg is decoded built-in; install ffmpeg for other Ogg audio", "audio", e);
        }
    }
}

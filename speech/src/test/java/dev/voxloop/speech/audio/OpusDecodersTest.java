package dev.voxloop.speech.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.problem.Problem;
import dev.voxloop.speech.testing.TestAudio;
import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusEncoder;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gagravarr.opus.OpusAudioData;
import org.gagravarr.opus.OpusFile;
import org.gagravarr.opus.OpusInfo;
import org.gagravarr.opus.OpusTags;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real speech (goforward.wav) encoded to Opus with Concentus, wrapped in Ogg (vorbis-java-core's writer) and in
 * WebM the way Chrome's MediaRecorder writes it (unknown-size Segment and Cluster, SimpleBlocks), then decoded
 * by our readers: the result must match the original.
 */
class OpusDecodersTest {

    private static float[] speech;
    private static List<byte[]> packets;

    @BeforeAll
    static void encode() throws Exception {
        speech = new WavDecoder().decode(TestAudio.shared("goforward.wav")).channels()[0];
        OpusEncoder enc = new OpusEncoder(16000, 1, OpusApplication.OPUS_APPLICATION_VOIP);
        packets = new ArrayList<>();
        short[] frame = new short[320];
        byte[] out = new byte[1500];
        for (int at = 0; at + 320 <= speech.length; at += 320) {
            for (int i = 0; i < 320; i++) {
                frame[i] = (short) Math.round(speech[at + i] * 32767);
            }
            int n = enc.encode(frame, 0, 320, out, 0, out.length);
            packets.add(Arrays.copyOf(out, n));
        }
    }

    @Test
    void oggOpusDecodesToTheSameSpeech() throws Exception {
        ByteArrayOutputStream ogg = new ByteArrayOutputStream();
        OpusInfo info = new OpusInfo();
        info.setNumChannels(1);
        info.setSampleRate(16000);
        info.setPreSkip(0);
        try (OpusFile file = new OpusFile(ogg, info, new OpusTags())) {
            long granule = 0;
            for (byte[] p : packets) {
                OpusAudioData d = new OpusAudioData(p);
                granule += 960;
                d.setGranulePosition(granule);
                file.writeAudioData(d);
            }
        }
        byte[] bytes = ogg.toByteArray();
        assertThat(AudioFormat.sniff(bytes)).isEqualTo(AudioFormat.OGG);

        Pcm pcm = new OggOpusDecoder().decode(bytes);

        assertThat(pcm.sampleRate()).isEqualTo(16000);
        assertThat(pcm.channels()[0]).containsExactly(direct());
        assertThat(TestAudio.correlation(pcm.channels()[0], speech, 400)).isGreaterThan(0.75);
    }

    @Test
    void webmOpusAsMediaRecorderWritesItDecodesToTheSameSpeech() {
        byte[] webm = webm(packets);
        assertThat(AudioFormat.sniff(webm)).isEqualTo(AudioFormat.WEBM);

        Pcm pcm = new WebmOpusDecoder().decode(webm);

        assertThat(pcm.channels()[0]).containsExactly(direct());
        assertThat(TestAudio.correlation(pcm.channels()[0], speech, 400)).isGreaterThan(0.75);
    }

    /** The packets decoded straight, without any container: what both readers must reproduce exactly. */
    private static float[] direct() {
        OpusPackets p = new OpusPackets(0);
        for (byte[] packet : packets) {
            p.add(packet, 0, packet.length);
        }
        return p.result().channels()[0];
    }

    @Test
    void webmCutOffMidBlockKeepsWhatWasRecorded() {
        byte[] webm = webm(packets);
        Pcm pcm = new WebmOpusDecoder().decode(Arrays.copyOf(webm, webm.length - 30));
        assertThat(pcm.frames()).isGreaterThan(packets.size() * 320 / 2);
    }

    @Test
    void webmWithAnotherCodecNamesTheFix() {
        byte[] webm = webm(packets);
        byte[] vorbis = new String(webm, java.nio.charset.StandardCharsets.ISO_8859_1).replace("A_OPUS", "A_VORB")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> new WebmOpusDecoder().decode(vorbis)).isInstanceOf(Problem.class)
                .hasMessageContaining("ffmpeg")
                .extracting(e -> ((Problem) e).kind()).isEqualTo(Problem.Kind.UNSUPPORTED_MEDIA);
    }

    /** EBML header, Segment and Cluster of unknown size (a live recording), one Opus track, SimpleBlocks. */
    static byte[] webm(List<byte[]> packets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(element(0x1A45DFA3, concat(element(0x4282, "webm".getBytes()))));
        out.writeBytes(new byte[] {0x18, 0x53, (byte) 0x80, 0x67, 0x01, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        byte[] track = element(0xAE, concat(element(0xD7, new byte[] {1}), element(0x86, "A_OPUS".getBytes()),
                element(0xE1, concat(element(0x9F, new byte[] {1})))));
        out.writeBytes(element(0x1654AE6B, track));
        out.writeBytes(new byte[] {0x1F, 0x43, (byte) 0xB6, 0x75, (byte) 0xFF});
        out.writeBytes(element(0xE7, new byte[] {0}));
        int time = 0;
        for (byte[] p : packets) {
            byte[] block = new byte[4 + p.length];
            block[0] = (byte) 0x81;
            block[1] = (byte) (time >> 8);
            block[2] = (byte) time;
            block[3] = (byte) 0x80;
            System.arraycopy(p, 0, block, 4, p.length);
            out.writeBytes(element(0xA3, block));
            time += 20;
        }
        return out.toByteArray();
    }

    private static byte[] element(int id, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int bytes = id > 0xFFFFFF ? 4 : id > 0xFFFF ? 3 : id > 0xFF ? 2 : 1;
        for (int i = bytes - 1; i >= 0; i--) {
            out.write(id >> (8 * i));
        }
        long size = payload.length;
        // 8-byte size vint: 0x01 then 7 bytes
        out.write(0x01);
        for (int i = 6; i >= 0; i--) {
            out.write((int) (size >> (8 * i)));
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}

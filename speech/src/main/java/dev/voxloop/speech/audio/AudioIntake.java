package dev.voxloop.speech.audio;

import dev.voxloop.core.audio.AudioUpload;
import dev.voxloop.core.problem.Problem;

/**
 * Upload to recogniser input: sniff the container, decode, mix to mono, resample to 16 kHz, check length and
 * level, trim leading and trailing silence. Every failure is a {@link Problem} a person can act on.
 */
public final class AudioIntake {

    private final double maxSeconds;
    private final FfmpegDecoder ffmpeg;
    private final VoiceActivity vad;
    private final boolean foldNarrowband;

    /**
     * @param foldNarrowband whether telephone-band audio is widened by {@link NarrowbandFolding} (which helps the
     *                       Sphinx engines' acoustic model) instead of resampled the usual way (what neural models
     *                       such as Moonshine and whisper were trained on)
     */
    public AudioIntake(double maxSeconds, FfmpegDecoder ffmpeg, double silenceFloorDbfs, boolean foldNarrowband) {
        this.maxSeconds = maxSeconds;
        this.ffmpeg = ffmpeg;
        this.vad = new VoiceActivity(silenceFloorDbfs);
        this.foldNarrowband = foldNarrowband;
    }

    /** The limits of the default settings, and audio as the neural engines take it (no folding). */
    public static AudioIntake defaults() {
        return new AudioIntake(120, new FfmpegDecoder("ffmpeg"), -50, false);
    }

    public double maxSeconds() {
        return maxSeconds;
    }

    public SpeechAudio prepare(AudioUpload upload) {
        if (upload.isEmpty()) {
            throw Problem.invalid("audio", "Empty audio file");
        }
        Pcm pcm = decode(upload);
        if (pcm.frames() == 0) {
            throw new Problem(Problem.Kind.UNPROCESSABLE, "The audio file contains no samples", "audio");
        }
        if (pcm.seconds() > maxSeconds) {
            throw new Problem(Problem.Kind.TOO_LARGE, String.format(java.util.Locale.ROOT,
                    "The recording is %.0f s long; the limit is %.0f s", pcm.seconds(), maxSeconds), "audio");
        }
        float[] mono = foldNarrowband && NarrowbandFolding.applies(pcm.sampleRate())
                ? NarrowbandFolding.toWideband(pcm.downmix(), pcm.sampleRate())
                : Resampler.resample(pcm.downmix(), pcm.sampleRate(), SpeechAudio.RATE);
        int[] span = vad.span(mono);
        if (span == null) {
            throw new Problem(Problem.Kind.UNPROCESSABLE,
                    "No speech was heard in the recording (it is silent); please speak and try again", "audio");
        }
        float[] trimmed = java.util.Arrays.copyOfRange(mono, span[0], span[1]);
        return new SpeechAudio(trimmed, pcm.seconds());
    }

    private Pcm decode(AudioUpload upload) {
        byte[] bytes = upload.bytes();
        return switch (AudioFormat.sniff(bytes)) {
            case WAV -> new WavDecoder().decode(bytes);
            case OGG -> new OggOpusDecoder().decode(bytes);
            case WEBM -> new WebmOpusDecoder().decode(bytes);
            case OTHER -> {
                if (!ffmpeg.available() && looksLikeText(bytes)) {
                    throw new Problem(Problem.Kind.UNSUPPORTED_MEDIA,
                            "This is not an audio file; send WAV, WebM/Opus or Ogg/Opus", "audio");
                }
                yield ffmpeg.decode(bytes, describe(upload));
            }
        };
    }

    private static String describe(AudioUpload upload) {
        if (upload.contentType() != null && !upload.contentType().isBlank()) {
            return upload.contentType();
        }
        String name = upload.displayName();
        int dot = name.lastIndexOf('.');
        return dot >= 0 ? name.substring(dot + 1) : "unknown";
    }

    private static boolean looksLikeText(byte[] b) {
        int n = Math.min(b.length, 256);
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            if (c < 9 || (c > 13 && c < 32)) {
                return false;
            }
        }
        return true;
    }
}

package dev.voxloop.speech.audio;

import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.process.Command;
import dev.voxloop.core.process.Exit;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Any other format (MP3, FLAC, M4A, ...) through the ffmpeg command, when it is installed. */
public final class FfmpegDecoder {

    /** A recording of a few minutes converts in well under a second; this only stops a stuck ffmpeg. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String command;

    /** @param command "ffmpeg" to look it up on PATH, or an absolute path */
    public FfmpegDecoder(String command) {
        this.command = command;
    }

    public boolean available() {
        return executable() != null;
    }

    private Path executable() {
        if (command.contains(File.separator)) {
            Path p = Path.of(command);
            return Files.isExecutable(p) ? p : null;
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, command);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    public Pcm decode(byte[] bytes, String what) {
        Path exe = executable();
        if (exe == null) {
            throw new Problem(Problem.Kind.UNSUPPORTED_MEDIA, "This audio format (" + what
                    + ") needs ffmpeg, which is not installed; install ffmpeg (e.g. apt-get install ffmpeg)"
                    + " or send WAV, WebM/Opus or Ogg/Opus", "audio");
        }
        Path input = null;
        try {
            input = Files.createTempFile("voxloop-audio-", ".bin");
            Files.write(input, bytes);
            Exit exit = Command.of(exe.toString(), "-hide_banner", "-nostdin", "-loglevel", "error", "-i",
                    input.toString(), "-f", "s16le", "-ac", "1", "-ar", String.valueOf(SpeechAudio.RATE), "pipe:1")
                    .discardErrors().keepOutput(Integer.MAX_VALUE).timeout(TIMEOUT).run();
            if (exit.timedOut()) {
                throw new Problem(Problem.Kind.TIMEOUT, "Converting the audio with ffmpeg took too long", "audio");
            }
            byte[] raw = exit.stdout();
            if (exit.code() != 0 || raw.length == 0) {
                throw new Problem(Problem.Kind.UNPROCESSABLE,
                        "The audio could not be decoded; the file is damaged or not audio", "audio");
            }
            float[] s = new float[raw.length / 2];
            ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < s.length; i++) {
                s[i] = b.getShort() / 32768f;
            }
            return Pcm.mono(s, SpeechAudio.RATE);
        } catch (IOException | Command.NotStarted e) {
            throw new Problem(Problem.Kind.UNAVAILABLE, "ffmpeg could not be run", "audio", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Problem(Problem.Kind.UNAVAILABLE, "Interrupted while converting audio", "audio", e);
        } finally {
            if (input != null) {
                try {
                    Files.deleteIfExists(input);
                } catch (IOException e) {
                    // a leftover file in the temporary directory harms nothing; the decoded audio is what matters
                }
            }
        }
    }
}

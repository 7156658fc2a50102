package dev.voxloop.speech.audio;

import dev.voxloop.core.problem.Problem;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Any other format (MP3, FLAC, M4A, ...) through the ffmpeg command, when it is installed. */
public final class FfmpegDecoder {

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
            Process p = new ProcessBuilder(List.of(exe.toString(), "-hide_banner", "-nostdin", "-loglevel", "error",
                    "-i", input.toString(), "-f", "s16le", "-ac", "1", "-ar", String.valueOf(SpeechAudio.RATE),
                    "pipe:1")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] raw;
            try (InputStream out = p.getInputStream()) {
                raw = out.readAllBytes();
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new Problem(Problem.Kind.TIMEOUT, "Converting the audio with ffmpeg took too long", "audio");
            }
            if (p.exitValue() != 0 || raw.length == 0) {
                throw new Problem(Problem.Kind.UNPROCESSABLE,
                        "The audio could not be decoded; the file is damaged or not audio", "audio");
            }
            float[] s = new float[raw.length / 2];
            ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < s.length; i++) {
                s[i] = b.getShort() / 32768f;
            }
            return Pcm.mono(s, SpeechAudio.RATE);
        } catch (IOException e) {
            throw new Problem(Problem.Kind.UNAVAILABLE, "ffmpeg could not be run", "audio", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Problem(Problem.Kind.UNAVAILABLE, "Interrupted while converting audio", "audio", e);
        } finally {
            if (input != null) {
                try {
                    Files.deleteIfExists(input);
                } catch (IOException ignored) {
                    // temp dir cleanup is best effort
                }
            }
        }
    }
}

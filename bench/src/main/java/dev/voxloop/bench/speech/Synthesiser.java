package dev.voxloop.bench.speech;

import dev.voxloop.core.process.Command;
import dev.voxloop.core.process.Exit;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian text-to-speech voices used to make spoken test requests (scripts/system-deps.sh installs them):
 * flite's default diphone voice (robotic, telephone band: 8 kHz), flite's slt, festival's HTS voice
 * cmu_us_slt_arctic_hts (the most natural of them) and espeak-ng's US English.
 */
public enum Synthesiser {
    FLITE_DEFAULT("flite-default", "flite"),
    FLITE_SLT("flite-slt", "flite"),
    FESTIVAL_SLT_HTS("festival-slt-hts", "text2wave"),
    ESPEAK_NG("espeak-ng", "espeak-ng");

    private final String label;
    private final String program;

    Synthesiser(String label, String program) {
        this.label = label;
        this.program = program;
    }

    public String label() {
        return label;
    }

    public static Synthesiser byLabel(String label) {
        for (Synthesiser s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown voice " + label + "; one of flite-default, flite-slt,"
                + " festival-slt-hts, espeak-ng");
    }

    public boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** Speaks the sentence into a WAV file (the voice's own sample rate) and returns its bytes. */
    public byte[] speak(String sentence, Path workDir) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, label, ".wav");
        Path text = Files.createTempFile(workDir, "sentence", ".txt");
        try {
            // a line ends with a newline: flite reading a file without one drops a last one-word sentence
            // ("... in BookIt. Critical." was spoken without "Critical.")
            Files.writeString(text, sentence + "\n");
            List<String> cmd = switch (this) {
                case FLITE_DEFAULT -> List.of("flite", "-f", text.toString(), "-o", out.toString());
                case FLITE_SLT -> List.of("flite", "-voice", "slt", "-f", text.toString(), "-o", out.toString());
                case FESTIVAL_SLT_HTS -> List.of("text2wave", "-eval", "(voice_cmu_us_slt_arctic_hts)", "-o",
                        out.toString(), text.toString());
                case ESPEAK_NG -> List.of("espeak-ng", "-v", "en-us", "-f", text.toString(), "-w", out.toString());
            };
            Exit exit;
            try {
                exit = Command.of(cmd).mergeErrors().timeout(Duration.ofSeconds(60)).run();
            } catch (Command.NotStarted e) {
                throw new IOException(label + " is not installed: " + e.getMessage(), e);
            }
            if (!exit.ok()) {
                throw new IOException(label + " failed on: " + sentence);
            }
            return Files.readAllBytes(out);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(text);
        }
    }
}

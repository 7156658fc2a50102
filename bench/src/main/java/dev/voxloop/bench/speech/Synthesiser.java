package dev.voxloop.bench.speech;

import dev.voxloop.core.process.Command;
import dev.voxloop.core.process.Exit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Debian text-to-speech voices used to make ticket-style test audio (packages flite, festival, festvox-us-slt-hts). */
public enum Synthesiser {
    FLITE_SLT("flite-slt"), FESTIVAL_SLT_HTS("festival-slt-hts");

    private final String label;

    Synthesiser(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean available() {
        String exe = this == FLITE_SLT ? "flite" : "text2wave";
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, exe))) {
                return true;
            }
        }
        return false;
    }

    /** Speaks the sentence into a WAV file. */
    public byte[] speak(String sentence, Path workDir) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, label, ".wav");
        List<String> cmd = new ArrayList<>();
        Path text = null;
        if (this == FLITE_SLT) {
            cmd.addAll(List.of("flite", "-voice", "slt", "-t", sentence, "-o", out.toString()));
        } else {
            text = Files.createTempFile(workDir, "sentence", ".txt");
            Files.writeString(text, sentence);
            cmd.addAll(List.of("text2wave", "-eval", "(voice_cmu_us_slt_arctic_hts)", "-o", out.toString(),
                    text.toString()));
        }
        Exit exit;
        try {
            exit = Command.of(cmd).mergeErrors().timeout(Duration.ofSeconds(60)).run();
        } catch (Command.NotStarted e) {
            throw new IOException(label + " is not installed: " + e.getMessage(), e);
        }
        if (!exit.ok()) {
            throw new IOException(label + " failed on: " + sentence);
        }
        try {
            return Files.readAllBytes(out);
        } finally {
            Files.deleteIfExists(out);
            if (text != null) {
                Files.deleteIfExists(text);
            }
        }
    }
}

package dev.voxloop.bench.speech;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
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

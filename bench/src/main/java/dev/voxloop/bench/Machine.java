package dev.voxloop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a figure was measured on, for the first line of every benchmark's output. */
public final class Machine {

    private Machine() {
    }

    /** The CPU model from /proc/cpuinfo, or the architecture where there is none. */
    public static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            // not Linux: the architecture name still says something, and the figures do not depend on it
        }
        return System.getProperty("os.arch");
    }
}

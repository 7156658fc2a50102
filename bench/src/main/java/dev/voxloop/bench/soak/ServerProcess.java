package dev.voxloop.bench.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The measured server process as the kernel sees it ({@code /proc/PID/status}): threads and resident memory. */
public record ServerProcess(long pid) {

    public boolean alive() {
        return Files.exists(Path.of("/proc/" + pid + "/status"));
    }

    public int threads() {
        return (int) status("Threads");
    }

    public long rssMb() {
        return status("VmRSS") / 1024;
    }

    private long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).strip().split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/status (is the server running?)", e);
        }
        return -1;
    }
}

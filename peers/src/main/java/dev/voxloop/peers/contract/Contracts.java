package dev.voxloop.peers.contract;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds {@code shared/contracts} by walking up from the working directory (or {@code -Dvoxloop.contracts=DIR}). */
public final class Contracts {

    private Contracts() {
    }

    public static Path dir() {
        String override = System.getProperty("voxloop.contracts");
        if (override != null) {
            return Path.of(override);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared/contracts");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("shared/contracts is not beside the repository (or set -Dvoxloop.contracts)");
    }

    public static Path file(String relative) {
        Path p = dir().resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("contract file " + p + " is missing");
        }
        return p;
    }
}

package dev.voxloop.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** An H2 file database in a new temporary directory, in PostgreSQL mode exactly as in production. */
final class H2Backend implements TestBackend {

    private final Path dir;
    private final StoreSettings settings;

    H2Backend() {
        try {
            dir = Files.createTempDirectory("voxloop-store-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        settings = StoreSettings.embedded(dir);
    }

    @Override
    public StoreSettings settings() {
        return settings;
    }

    Path dir() {
        return dir;
    }

    @Override
    public void drop() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

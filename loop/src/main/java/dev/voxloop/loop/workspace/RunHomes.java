package dev.voxloop.loop.workspace;

import dev.voxloop.core.loop.LoopRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agents' per-run homes (see {@link RunSandbox#home}) once their run has ended: a run that succeeded loses its
 * home at once; a failed, blocked or aborted run keeps it for {@code keepFailed} (its agent's config and session
 * logs are what a person looks at to see why), and each ended run sweeps away the homes untouched for longer.
 */
public final class RunHomes {

    /** How long the home of a run that did not succeed is kept for diagnosis. */
    public static final Duration KEEP_FAILED = Duration.ofDays(7);

    private static final Logger LOG = LoggerFactory.getLogger(RunHomes.class);

    private final Path homes;
    private final Duration keepFailed;
    private final Clock clock;

    public RunHomes(Path homes, Duration keepFailed, Clock clock) {
        this.homes = homes;
        this.keepFailed = keepFailed;
        this.clock = clock;
    }

    /** The worker is done with {@code run}: remove its home if it succeeded, and homes kept past their time. */
    public void ended(LoopRun run) {
        try {
            if (run.succeeded()) {
                delete(homes.resolve(run.id()));
            }
            sweep();
        } catch (UncheckedIOException e) {
            // a home that cannot be removed now is tried again by the next sweep; the run's outcome stands
            LOG.warn("cannot remove the home of run {}: {}", run.id(), e.getCause().toString());
        }
    }

    /** Removes every home not modified for longer than {@code keepFailed}. */
    void sweep() {
        if (!Files.isDirectory(homes)) {
            return;
        }
        Instant before = clock.instant().minus(keepFailed);
        List<Path> old;
        try (Stream<Path> list = Files.list(homes)) {
            old = list.filter(p -> modified(p).isBefore(before)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        old.forEach(RunHomes::delete);
    }

    private static Instant modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            // gone meanwhile (another worker swept it): nothing to remove
            return Instant.MAX;
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> all = walk.toList();
            // an agent may have left a read-only directory: make each writable before removing what is inside
            all.stream().filter(Files::isDirectory).forEach(d -> d.toFile().setWritable(true));
            for (Path p : all.stream().sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

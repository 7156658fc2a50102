package dev.voxloop.app.init;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The tiny sample repositories under test resources, copied out and committed as a person's repository would be. */
public final class Samples {

    private Samples() {
    }

    public static Path source(String name) {
        try {
            return Path.of(Samples.class.getResource("samples/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A git repository in {@code into} holding the sample, committed on {@code main}. */
    public static Path repository(String name, Path into) {
        Path src = source(name);
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : files.toList()) {
                Path target = into.resolve(src.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
            git(into, "init", "-q", "-b", "main");
            git(into, "add", "-A");
            git(into, "-c", "user.name=Dev", "-c", "user.email=dev@example.com", "commit", "-q", "-m", "start");
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void git(Path dir, String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

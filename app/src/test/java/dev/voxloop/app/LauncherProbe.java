package dev.voxloop.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The program of {@link LauncherTest}'s stand-in jars. {@code print}: prints which jar it runs from. {@code hold
 * FILE}: the same, then waits for FILE to exist and only then loads another class of its jar, as a server loads
 * classes long after it started.
 */
public final class LauncherProbe {

    static final String VERSION = "probe-version.txt";

    private LauncherProbe() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        System.out.println("probe " + version());
        System.out.flush();
        if (args.length == 2 && args[0].equals("hold")) {
            Path release = Path.of(args[1]);
            for (int i = 0; i < 600 && !Files.exists(release); i++) {
                Thread.sleep(50);
            }
            System.out.println(Late.message());
        }
    }

    static String version() throws IOException {
        try (InputStream in = LauncherProbe.class.getClassLoader().getResourceAsStream(VERSION)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Loaded only when {@code hold} is released. */
    static final class Late {

        private Late() {
        }

        static String message() throws IOException {
            return "late class of " + version();
        }
    }
}

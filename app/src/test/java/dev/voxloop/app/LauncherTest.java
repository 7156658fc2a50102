package dev.voxloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code ./voxloop} in a copy of the checkout whose {@code mvnw} is a stand-in that "builds" a tiny jar
 * (so the test takes seconds, not a Maven build): the jar is rebuilt only when a pom.xml or a file under src/main is
 * newer than it, never for a test file, and a rebuild while a process still runs from the old jar leaves that
 * process able to load its classes (the new jar is renamed over the old one instead of written into it).
 */
class LauncherTest {

    @TempDir
    Path root;

    @Test
    void rebuildsOnlyForMainSourcesAndNeverUnderARunningProcess() throws Exception {
        Path checkout = checkout();
        Files.copy(checkout.resolve("voxloop"), root.resolve("voxloop"));
        Files.createDirectories(root.resolve("scripts"));
        for (String script : List.of("find-jdk.sh", "aot-cache.sh")) {
            Files.copy(checkout.resolve("scripts").resolve(script), root.resolve("scripts").resolve(script));
        }
        Files.writeString(root.resolve("mvnw"), """
                #!/usr/bin/env bash
                echo "$@" >> "$(dirname "$0")/builds"
                for a in "$@"; do case $a in -Dvoxloop.jar=*) out=${a#-Dvoxloop.jar=};; esac; done
                mkdir -p "$(dirname "${out:?no -Dvoxloop.jar}")"
                cp "$FAKE_JAR" "$out"
                """);
        Files.setPosixFilePermissions(root.resolve("mvnw"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path mainSource = write(root.resolve("app/src/main/java/Shop.java"), "class Shop {}\n");
        Path jar = root.resolve("app/target/voxloop.jar");
        Path v1 = probeJar("v1");
        Path v2 = probeJar("v2");
        Path release = root.resolve("release");

        Process held = launch(v1, "hold", release.toString());
        try (BufferedReader heldOut = new BufferedReader(new InputStreamReader(held.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(heldOut.readLine()).as("first run builds").isEqualTo("probe v1");
            assertThat(builds()).hasSize(1);
            assertThat(builds().getFirst()).as("built beside the jar").contains("-Dvoxloop.jar=" + jar + ".");

            Path testSource = write(root.resolve("app/src/test/java/ShopTest.java"), "class ShopTest {}\n");
            newerThan(testSource, jar);
            assertThat(run(v2)).as("a test file is not in the jar").isEqualTo("probe v1");
            assertThat(builds()).hasSize(1);

            newerThan(mainSource, jar);
            assertThat(run(v2)).as("a main source is").isEqualTo("probe v2");
            assertThat(builds()).hasSize(2);
            assertThat(root.resolve("app/target")).isDirectoryNotContaining("glob:**.tmp");

            Files.writeString(release, "go");
            assertThat(heldOut.readLine()).as("the process started from the old jar loads a class after the rebuild")
                    .isEqualTo("late class of v1");
            assertThat(held.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(held.exitValue()).isZero();
        } finally {
            held.destroyForcibly();
        }
    }

    /** What {@link LauncherProbe} prints when run through the launcher with {@code fakeJar} as the build result. */
    private String run(Path fakeJar) throws Exception {
        Process p = launch(fakeJar, "print");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private Process launch(Path fakeJar, String... args) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of(root.resolve("voxloop").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile())
                .redirectError(root.resolve("launcher-err.log").toFile());
        pb.environment().putAll(Map.of("FAKE_JAR", fakeJar.toString(), "VOXLOOP_NO_AOT", "1",
                "JAVA_HOME", System.getProperty("java.home")));
        return pb.start();
    }

    private List<String> builds() throws IOException {
        Path log = root.resolve("builds");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    /** A runnable jar of {@link LauncherProbe} whose resource says {@code version}. */
    private Path probeJar(String version) throws IOException {
        Path jar = root.resolve("probe-" + version + ".jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Class<?> c : List.of(LauncherProbe.class, LauncherProbe.Late.class)) {
                String name = c.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(name));
                try (InputStream in = c.getClassLoader().getResourceAsStream(name)) {
                    in.transferTo(out);
                }
            }
            out.putNextEntry(new JarEntry(LauncherProbe.VERSION));
            out.write(version.getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static void newerThan(Path file, Path than) throws IOException {
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(than).toMillis()
                + Duration.ofSeconds(10).toMillis()));
    }

    private static Path checkout() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("voxloop")) && Files.isRegularFile(p.resolve("scripts/find-jdk.sh"))) {
                return p;
            }
        }
        throw new IllegalStateException("no checkout with ./voxloop above " + Path.of("").toAbsolutePath());
    }
}

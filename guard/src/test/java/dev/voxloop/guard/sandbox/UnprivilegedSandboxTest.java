package dev.voxloop.guard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox started by a JVM of an unprivileged user ({@code nobody}, through setpriv), as voxloop runs on most
 * machines: bubblewrap then needs an unprivileged user namespace, and memory and processes are limited by rlimits
 * instead of cgroups. Runs only when the suite itself runs as root (otherwise every other sandbox test already
 * runs unprivileged).
 */
@Tag("slow")
class UnprivilegedSandboxTest {

    static final String NOBODY = "65534";

    @TempDir
    static Path tmp;
    static Path classpath;
    static HostFixture host;

    @BeforeAll
    static void setUp() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "the suite runs unprivileged already");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv (util-linux) is needed");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        host = new HostFixture(Files.createDirectories(tmp.resolve("host")));
        classpath = readableClasspath(tmp.resolve("cp"));
        chownTree(host.root, NOBODY);
    }

    private static Run asNobody(String... command) throws IOException, InterruptedException {
        return asNobody(1024, 2048, command);
    }

    private static Run asNobody(int processes, int memoryMb, String... command)
            throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
                "--clear-groups", "--inh-caps=-all", "--", System.getProperty("java.home") + "/bin/java", "-cp",
                classpath.toString(), SandboxMain.class.getName(), host.workspace.toString(),
                Integer.toString(processes), Integer.toString(memoryMb)));
        argv.addAll(List.of(command));
        Process p = new ProcessBuilder(argv).directory(tmp.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        return new Run(p.waitFor(), out);
    }

    record Run(int exit, String output) {
    }

    @Test
    void ordinaryWorkAndTheBoundaryHoldForAnUnprivilegedWorker() throws Exception {
        Run r = asNobody("sh", "-c", "id -u; echo 'class C {}' > src/main/java/C.java && javac -d /tmp"
                + " src/main/java/C.java && echo compiled; git status --short; echo x > .git/hooks/pre-push;"
                + " echo x > /etc/passwd; cat " + host.home + "/.ssh/id_rsa; g=git; $g push origin HEAD:main");
        assertThat(r.output()).contains("compiled").contains("?? src/main/java/C.java")
                .contains("Read-only file system").doesNotContain("SSH-KEY-SECRET")
                .contains("sandbox: bubblewrap").contains("RLIMIT");
        assertThat(r.exit()).isNotZero();
        assertThat(host.workspace.resolve(".git/hooks/pre-push")).doesNotExist();
    }

    @Test
    void rlimitsStopAForkBombAndAMemoryHog() throws Exception {
        Run bomb = asNobody(64, 2048, "sh", "-c", "bomb() { bomb | bomb & }; bomb; sleep 2; exit 3");
        assertThat(bomb.exit()).isNotZero();
        Run alive = asNobody("echo", "alive");
        assertThat(alive.output()).contains("alive");
        Run hog = asNobody(256, 256, "python3", "-c", "b = bytearray(600 * 1024 * 1024); print('allocated')");
        assertThat(hog.exit()).isNotZero();
        assertThat(hog.output()).doesNotContain("allocated").contains("MemoryError");
    }

    /** The test JVM's classpath copied where nobody can read it (~/.m2 and the build tree may be private). */
    private static Path readableClasspath(Path dir) throws IOException {
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path src = Path.of(e);
            if (!Files.exists(src)) {
                continue;
            }
            Path dst = dir.resolve(i++ + "-" + src.getFileName());
            copyTree(src, dst);
            entries.add(dst.toString());
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p)
                        ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        return Path.of(String.join(File.pathSeparator, entries));
    }

    private static void copyTree(Path src, Path dst) throws IOException {
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path t = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.createDirectories(t.getParent());
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void chownTree(Path root, String uid) throws IOException {
        try {
            Process p = new ProcessBuilder("chown", "-R", uid + ":" + uid, root.toString()).inheritIO().start();
            assertThat(p.waitFor()).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}

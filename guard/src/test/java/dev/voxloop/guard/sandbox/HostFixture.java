package dev.voxloop.guard.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A host as a worker sees it, in a temp directory: a bare "remote" the workspace was cloned from, the run's
 * workspace (with CI config, voxloop config, CODEOWNERS and an .env), another run's workspace, voxloop's data
 * directory, the worker's home with keys and credentials, a file beside them, and secret environment variables.
 * {@link #snapshot()} fingerprints everything a sandboxed command must not change.
 */
final class HostFixture {

    static final List<String> SECRETS = List.of("SSH-KEY-SECRET", "GIT-CREDENTIAL-SECRET", "OTHER-WORKSPACE-SECRET",
            "DATA-DIR-SECRET", "ENV-SECRET-VALUE", "ENV-SECRET-TOKEN", "GH-TOKEN-SECRET", "CLAUDE-CREDENTIAL-SECRET",
            "NPM-TOKEN-SECRET", "DOCKER-AUTH-SECRET", "OUTSIDE-SECRET");
    static final Map<String, String> SECRET_ENV = Map.of("VOXLOOP_TEST_SECRET", "ENV-SECRET-VALUE",
            "GITHUB_TOKEN", "ENV-SECRET-TOKEN");

    final Path root;
    final Path remote;
    final Path workspace;
    final Path other;
    final Path home;
    final Path data;

    HostFixture(Path root) throws IOException {
        this.root = root.toRealPath();
        this.remote = this.root.resolve("remote.git");
        this.workspace = this.root.resolve("workspaces/TRACK-1-abc");
        this.other = this.root.resolve("workspaces/OTHER-2-def");
        this.home = this.root.resolve("home");
        this.data = this.root.resolve("data");
        Path seed = this.root.resolve("seed");
        write(seed.resolve("src/main/java/App.java"), "class App { int answer() { return 42; } }\n");
        write(seed.resolve(".github/workflows/ci.yml"), "on: push\njobs: {}\n");
        write(seed.resolve(".voxloop/loop.yaml"), "test: sh run-tests.sh\n");
        write(seed.resolve("CODEOWNERS"), "* @owners\n");
        write(seed.resolve("docs/README.md"), "docs\n");
        write(seed.resolve(".env"), "TOKEN=WORKSPACE-ENV\n");
        write(seed.resolve(".env.example"), "TOKEN=\n");
        write(seed.resolve("run-tests.sh"), "#!/bin/sh\nmkdir -p target && javac -d target src/main/java/App.java"
                + " && echo '1 passed, 0 failed'\n");
        git(seed.getParent(), "init", "-q", "-b", "main", seed.toString());
        git(seed, "add", "-A");
        git(seed, "-c", "user.name=seed", "-c", "user.email=seed@example.org", "commit", "-qm", "TRACK-0: seed");
        git(this.root, "clone", "-q", "--bare", seed.toString(), remote.toString());
        write(other.resolve("secret.txt"), "OTHER-WORKSPACE-SECRET\n");
        write(data.resolve("voxloop.db"), "DATA-DIR-SECRET\n");
        write(home.resolve(".ssh/id_rsa"), "-----BEGIN OPENSSH PRIVATE KEY-----\nSSH-KEY-SECRET\n");
        write(home.resolve(".git-credentials"), "https://bot:GIT-CREDENTIAL-SECRET@github.com\n");
        write(home.resolve(".gitconfig"), "[credential]\n\thelper = store\n");
        write(home.resolve(".config/gh/hosts.yml"), "github.com:\n  oauth_token: GH-TOKEN-SECRET\n");
        write(home.resolve(".claude/.credentials.json"), "{\"token\":\"CLAUDE-CREDENTIAL-SECRET\"}\n");
        write(home.resolve(".npmrc"), "//registry.npmjs.org/:_authToken=NPM-TOKEN-SECRET\n");
        write(home.resolve(".docker/config.json"), "{\"auths\":{\"x\":{\"auth\":\"DOCKER-AUTH-SECRET\"}}}\n");
        write(home.resolve(".bashrc"), "# bashrc\n");
        write(this.root.resolve("outside.txt"), "OUTSIDE-SECRET\n");
        freshWorkspace();
    }

    /** Replaces the workspace with a new clone of the remote (each bypass starts from a clean one). */
    void freshWorkspace() throws IOException {
        if (Files.exists(workspace)) {
            Sandboxes.deleteTree(workspace);
        }
        Files.createDirectories(workspace.getParent());
        git(this.root, "clone", "-q", "--no-hardlinks", remote.toString(), workspace.toString());
    }

    /** The command with {workspace}, {other}, {remote}, {home}, {data}, {root} and {port} filled in. */
    String expand(String command, int port) {
        return command.replace("{workspace}", workspace.toString()).replace("{other}", other.toString())
                .replace("{remote}", remote.toString()).replace("{home}", home.toString())
                .replace("{data}", data.toString()).replace("{root}", root.toString())
                .replace("{port}", Integer.toString(port));
    }

    /** Path to content hash of everything that must stay as it is. */
    Map<String, String> snapshot() throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (Path p : List.of(remote, other, home, data, root.resolve("outside.txt"), workspace.resolve(".git"),
                workspace.resolve(".github"), workspace.resolve(".voxloop"), workspace.resolve("CODEOWNERS"),
                workspace.resolve(".env"), Path.of("/etc/passwd"), Path.of("/etc/hosts"), Path.of("/etc/shadow"))) {
            fingerprint(p, out);
        }
        for (String absent : List.of("/usr/bin/evil", "/etc/cron.d/evil", "/tmp/hooks")) {
            out.put(absent, Files.exists(Path.of(absent), LinkOption.NOFOLLOW_LINKS) ? "present" : "absent");
        }
        for (String name : List.of(".claude", ".githooks", "docs/CODEOWNERS")) {
            out.put("workspace/" + name, Files.exists(workspace.resolve(name), LinkOption.NOFOLLOW_LINKS)
                    ? "present" : "absent");
        }
        return out;
    }

    private static void fingerprint(Path p, Map<String, String> out) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            out.put(p.toString(), "absent");
            return;
        }
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            out.put(p.toString(), hash(p));
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted().toList()) {
                out.put(f.toString(), Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) ? hash(f)
                        : Files.isSymbolicLink(f) ? "link " + Files.readSymbolicLink(f) : "dir");
            }
        }
    }

    private static String hash(Path f) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path p, String content) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    static void git(Path dir, String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of("git"));
        argv.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.voxloop.peers.github;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The peer's git remote: bare repositories under one root ({@code owner/name.git}), served over smart HTTP by stock
 * {@code git http-backend} ({@link HttpBackend}), and read and written with the git CLI for what the API does to them
 * (branch tips, merges, ref deletion).
 */
final class HostedGit {

    /** A branch a push moved: the repository, the branch and its new tip. */
    record Push(String repository, String branch, String sha) {
    }

    private final Path root;
    private volatile java.util.function.Consumer<Push> pushes = p -> { };

    HostedGit(Path root) {
        this.root = root;
    }

    /** Calls {@code listener} for each branch a push over smart HTTP created or moved. */
    void onPush(java.util.function.Consumer<Push> listener) {
        this.pushes = listener;
    }

    /** An empty bare repository (no commit yet), as GitHub creates one without a README. */
    void createEmpty(String fullName) {
        Path bare = bare(fullName);
        try {
            Files.createDirectories(bare);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        git(bare, "init", "--bare", "-q", "-b", "main");
        git(bare, "config", "http.receivepack", "true");
    }

    /** The paths directly in {@code dir} at {@code commit} (none when it has no such directory). */
    List<String> list(String fullName, String commit, String dir) {
        Result r = run(bare(fullName), null, "ls-tree", "--name-only", commit + ":" + dir);
        return r.exit != 0 ? List.of() : r.out.lines().filter(l -> !l.isBlank()).map(l -> dir + "/" + l).toList();
    }

    /** The content of {@code path} at {@code commit}. */
    String show(String fullName, String commit, String path) {
        return git(bare(fullName), "show", commit + ":" + path);
    }

    /** The branch tips of a repository, {@code refs/heads/x} → commit. */
    private Map<String, String> tips(String fullName) {
        Result r = run(bare(fullName), null, "for-each-ref", "--format=%(refname) %(objectname)", "refs/heads");
        Map<String, String> out = new java.util.LinkedHashMap<>();
        r.out.lines().filter(l -> l.contains(" ")).forEach(l -> out.put(l.substring(0, l.indexOf(' ')),
                l.substring(l.indexOf(' ') + 1).strip()));
        return out;
    }

    Path bare(String fullName) {
        return root.resolve(fullName + ".git");
    }

    /** A bare repository whose {@code main} has one commit holding {@code files}. */
    void create(String fullName, Map<String, String> files) {
        Path bare = bare(fullName);
        try {
            Files.createDirectories(bare);
            git(bare, "init", "--bare", "-q", "-b", "main");
            git(bare, "config", "http.receivepack", "true");
            Path work = Files.createTempDirectory(root, "seed");
            git(work, "init", "-q", "-b", "main");
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path p = work.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue());
            }
            git(work, "add", "-A");
            git(work, "commit", "-q", "-m", "Initial commit");
            git(work, "push", "-q", bare.toString(), "main");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The commit {@code branch} points at, or null when there is no such branch. */
    String tip(String fullName, String branch) {
        Result r = run(bare(fullName), null, "rev-parse", "--verify", "-q", "refs/heads/" + branch + "^{commit}");
        return r.exit == 0 ? r.out.trim() : null;
    }

    boolean isAncestor(String fullName, String ancestor, String of) {
        return run(bare(fullName), null, "merge-base", "--is-ancestor", ancestor, of).exit == 0;
    }

    /** The tree merging {@code head} into {@code base}, or null when they conflict. */
    String mergedTree(String fullName, String base, String head) {
        Result r = run(bare(fullName), null, "merge-tree", "--write-tree", base, head);
        return r.exit == 0 ? r.out.lines().findFirst().orElseThrow().trim() : null;
    }

    String commitTree(String fullName, String tree, String message, String... parents) {
        List<String> args = new ArrayList<>(List.of("-c", "user.name=GitHub", "-c", "user.email=noreply@github.com",
                "commit-tree", tree, "-m", message));
        for (String p : parents) {
            args.add("-p");
            args.add(p);
        }
        return git(bare(fullName), args.toArray(String[]::new)).trim();
    }

    /** Moves {@code branch} from {@code expected} to {@code commit}; false when it had moved meanwhile. */
    boolean moveBranch(String fullName, String branch, String commit, String expected) {
        return run(bare(fullName), null, "update-ref", "refs/heads/" + branch, commit, expected).exit == 0;
    }

    boolean deleteBranch(String fullName, String branch) {
        return run(bare(fullName), null, "update-ref", "-d", "refs/heads/" + branch).exit == 0;
    }

    /** Commit messages of {@code base..head}, oldest first, as {@code sha\0subject-and-body}. */
    List<String[]> commits(String fullName, String base, String head) {
        String out = git(bare(fullName), "log", "--reverse", "--format=%H%x00%an%x00%aI%x00%B%x01", base + ".." + head);
        List<String[]> commits = new ArrayList<>();
        for (String c : out.split("\u0001")) {
            String t = c.strip();
            if (!t.isEmpty()) {
                commits.add(t.split("\u0000", 4));
            }
        }
        return commits;
    }

    /** {@code git diff} between two commits with {@code options} (paths after a {@code --} among them). */
    String diff(String fullName, String base, String head, String... options) {
        List<String> args = new ArrayList<>(List.of("diff"));
        args.addAll(List.of(options));
        int paths = args.indexOf("--");
        args.add(paths < 0 ? args.size() : paths, base + "..." + head);
        return git(bare(fullName), args.toArray(String[]::new));
    }

    /** Serves one smart-HTTP request ({@code /owner/name.git/...}) with {@code git http-backend}. */
    void serve(HttpExchange ex, String pathInfo, String user) throws IOException {
        String repository = pathInfo.contains(".git/") ? pathInfo.substring(1, pathInfo.indexOf(".git/")) : null;
        boolean receive = pathInfo.endsWith("/git-receive-pack") && repository != null;
        Map<String, String> before = receive ? tips(repository) : Map.of();
        HttpBackend.respond(root, ex, pathInfo, user);
        if (receive) {
            tips(repository).forEach((ref, sha) -> {
                if (!sha.equals(before.get(ref))) {
                    pushes.accept(new Push(repository, ref.substring("refs/heads/".length()), sha));
                }
            });
        }
    }

    static String git(Path dir, String... args) {
        Result r = run(dir, null, args);
        if (r.exit != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + r.out);
        }
        return r.out;
    }

    private record Result(int exit, String out) {
    }

    private static Result run(Path dir, String input, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(p.waitFor(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

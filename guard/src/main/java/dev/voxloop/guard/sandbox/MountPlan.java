package dev.voxloop.guard.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.voxloop.core.sandbox.SandboxRequest.Bind;

/**
 * The bubblewrap arguments for one command: new user, PID, IPC, UTS, cgroup and network namespaces, every
 * capability dropped; the system read-only with its secrets masked; a private /tmp; a fresh home (with a
 * read-only Maven repository for offline builds); the workspace writable with its protected paths read-only (or
 * all of it read-only for a reviewer).
 * Nothing else of the host (voxloop's data, other workspaces, credentials) exists inside.
 */
final class MountPlan {

    static final String EGRESS_DIR = "/run/voxloop";
    static final String EGRESS_SOCKET = EGRESS_DIR + "/egress.sock";

    private static final List<String> SYSTEM = List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64",
            "/libx32", "/etc");
    /** Readable only by root on the host, and root inside could read them: replaced by an empty file. */
    private static final List<String> ETC_SECRETS = List.of("/etc/shadow", "/etc/shadow-", "/etc/gshadow",
            "/etc/gshadow-", "/etc/sudoers", "/etc/security/opasswd", "/etc/.pwd.lock");
    private static final List<String> ETC_SECRET_DIRS = List.of("/etc/ssl/private", "/etc/sudoers.d",
            "/etc/ssh", "/etc/voxloop");

    private MountPlan() {
    }

    /**
     * @param placeholder an empty directory bound over protected paths that do not exist
     * @param egressDir   the directory holding the egress proxy's socket, or null without network
     * @param binds       the request's own host paths (an agent's installation, its hook socket directory), bound
     *                    last at the same place so that a fresh home or /tmp does not hide them
     */
    static List<String> arguments(SandboxSettings s, Path workspace, Path home, Path userHome,
                                  List<ProtectedTree.Entry> protectedPaths, Path placeholder, Path egressDir,
                                  List<Bind> binds, boolean readOnly)
            throws IOException {
        List<String> a = new ArrayList<>(List.of("--unshare-user", "--unshare-pid", "--unshare-ipc",
                "--unshare-uts", "--unshare-cgroup-try", "--unshare-net", "--hostname", "voxloop-sandbox",
                "--die-with-parent", "--new-session", "--cap-drop", "ALL"));
        for (String dir : SYSTEM) {
            Path p = Path.of(dir);
            if (Files.isSymbolicLink(p)) {
                a.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), dir));
            } else if (Files.isDirectory(p)) {
                a.addAll(List.of("--ro-bind", dir, dir));
            }
        }
        for (String f : ETC_SECRETS) {
            if (Files.exists(Path.of(f), LinkOption.NOFOLLOW_LINKS)) {
                a.addAll(List.of("--ro-bind", "/dev/null", f));
            }
        }
        for (String d : ETC_SECRET_DIRS) {
            if (Files.isDirectory(Path.of(d), LinkOption.NOFOLLOW_LINKS)) {
                a.addAll(List.of("--tmpfs", d, "--remount-ro", d));
            }
        }
        a.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--tmpfs", "/var/tmp",
                "--tmpfs", "/run"));
        for (Path extra : readOnlyExtras(s)) {
            a.addAll(List.of("--ro-bind", extra.toString(), extra.toString()));
        }
        a.addAll(List.of("--bind", home.toString(), userHome.toString()));
        if (s.mavenRepositoryPath() != null) {
            a.addAll(List.of("--ro-bind", s.mavenRepositoryPath().toString(), userHome.resolve(".m2/repository")
                    .toString()));
        }
        if (s.mavenWrappers() != null && Files.isDirectory(s.mavenWrappers())) {
            a.addAll(List.of("--ro-bind", s.mavenWrappers().toString(), userHome.resolve(".m2/wrapper").toString()));
        }
        a.addAll(List.of(readOnly ? "--ro-bind" : "--bind", workspace.toString(), workspace.toString()));
        for (ProtectedTree.Entry e : protectedPaths) {
            if (readOnly && !e.exists()) {
                continue; // nothing can be created in a read-only tree, and a mount point could not be either
            }
            String target = e.path().toString();
            a.addAll(List.of("--ro-bind", e.exists() ? target : placeholder.toString(), target));
        }
        for (Bind b : binds) {
            Path p = b.path().toAbsolutePath().normalize();
            if (p.startsWith(workspace) || !Files.exists(p)) {
                throw new IOException("cannot bind " + p + " into the sandbox: "
                        + (Files.exists(p) ? "it is inside the workspace" : "it does not exist"));
            }
            a.addAll(List.of(b.writable() ? "--bind" : "--ro-bind", p.toString(), p.toString()));
        }
        if (egressDir != null) {
            a.addAll(List.of("--ro-bind", egressDir.toString(), EGRESS_DIR));
        }
        a.addAll(List.of("--chdir", workspace.toString()));
        return a;
    }

    /** Configured extras plus this JVM's JDK when it lives outside the system directories. */
    private static List<Path> readOnlyExtras(SandboxSettings s) {
        List<Path> out = new ArrayList<>();
        Path jdk = Path.of(System.getProperty("java.home"));
        if (!jdk.startsWith("/usr")) {
            out.add(jdk);
        }
        for (String name : s.readOnly()) {
            Path p = Path.of(name).toAbsolutePath().normalize();
            if (Files.exists(p) && !out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }
}

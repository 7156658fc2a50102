package dev.voxloop.loop.agent;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an agent CLI lives on the worker, so that the sandbox can show it (read-only) to the turn: the program as
 * the sandbox must start it (a bare name found on the worker's PATH outside the system directories becomes its full
 * path, since the sandbox's PATH is fixed) and the directories to bind: an npm installation's root (the directory
 * holding its {@code node_modules}, which also holds the native binary the launcher starts), else the program's
 * directory and its link target's directory. Programs under the system directories need nothing: the sandbox
 * sees those.
 *
 * @param program the argv[0] to start inside the sandbox
 * @param paths   host directories the sandbox must bind read-only
 */
public record AgentInstallation(String program, List<Path> paths) {

    private static final List<Path> SYSTEM = List.of(Path.of("/usr"), Path.of("/bin"), Path.of("/sbin"),
            Path.of("/lib"), Path.of("/lib64"), Path.of("/etc"));

    public AgentInstallation {
        paths = List.copyOf(paths);
    }

    /** @param searchPath the worker's PATH, for a program given by name */
    public static AgentInstallation of(String program, String searchPath) {
        Path p = program.contains("/") ? Path.of(program).toAbsolutePath() : onPath(program, searchPath);
        if (p == null || !Files.isExecutable(p)) {
            return new AgentInstallation(program, List.of());
        }
        List<Path> dirs = new ArrayList<>();
        Path real;
        try {
            real = p.toRealPath();
        } catch (IOException e) {
            return new AgentInstallation(program, List.of());
        }
        for (Path x : List.of(p, real)) {
            Path root = npmRoot(x);
            Path dir = root != null ? root : x.getParent();
            if (!system(dir) && dirs.stream().noneMatch(dir::startsWith)) {
                dirs.removeIf(d -> d.startsWith(dir));
                dirs.add(dir);
            }
        }
        return new AgentInstallation(system(p) ? program : p.toString(), dirs);
    }

    private static Path onPath(String name, String searchPath) {
        for (String dir : (searchPath == null ? "/usr/local/bin:/usr/bin:/bin" : searchPath).split(File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name);
            }
        }
        return null;
    }

    /** The directory holding the outermost {@code node_modules} above {@code p}, or null. */
    private static Path npmRoot(Path p) {
        for (int i = 0; i < p.getNameCount(); i++) {
            if (p.getName(i).toString().equals("node_modules")) {
                return i == 0 ? p.getRoot() : p.getRoot().resolve(p.subpath(0, i));
            }
        }
        return null;
    }

    private static boolean system(Path p) {
        return p == null || SYSTEM.stream().anyMatch(p::startsWith) || p.getNameCount() == 0;
    }
}

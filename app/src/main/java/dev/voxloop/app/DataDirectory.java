package dev.voxloop.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * The data directory is its owner's alone: it holds the embedded database (whose server, while {@code serve}
 * runs, listens on a loopback port written in the database's lock file, so anyone who can read the directory can
 * find and reach it), {@code server.json}, tickets, workspaces and hosted repositories. Created 0700; files that
 * name where to connect are written 0600.
 */
public final class DataDirectory {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private DataDirectory() {
    }

    /** Creates the directory (and missing parents) readable by its owner only; an existing one is left as it is. */
    public static Path create(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Path parent = dir.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                if (posix()) {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                    // the umask may have taken bits away from the requested mode, never added any; set it exactly
                    Files.setPosixFilePermissions(dir, OWNER_ONLY);
                } else {
                    Files.createDirectory(dir);
                }
            }
            return dir;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dir, e);
        }
    }

    /** Writes {@code bytes} to a new file readable by its owner only (replacing one that exists). */
    static void writeOwnerOnly(Path file, byte[] bytes) throws IOException {
        Files.deleteIfExists(file);
        if (posix()) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
        }
        Files.write(file, bytes);
    }

    /**
     * Why the directory (or its {@code server.json}) is open to other users, with the command that fixes it; empty
     * when it is its owner's alone, does not exist yet, or the file system has no POSIX permissions.
     */
    public static Optional<String> exposure(Path dir) {
        if (!posix() || !Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
            if (!OWNER_ONLY.containsAll(perms)) {
                return Optional.of(dir + " is " + PosixFilePermissions.toString(perms) + ": other users can read the"
                        + " database and find its server's port; fix: chmod 700 " + dir);
            }
            Path server = dir.resolve(RunningServer.FILE);
            if (Files.isRegularFile(server) && !OWNER_FILE.containsAll(Files.getPosixFilePermissions(server))) {
                return Optional.of(server + " is readable by other users; fix: chmod 600 " + server);
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot read the permissions of " + dir + ": " + e.getMessage());
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}

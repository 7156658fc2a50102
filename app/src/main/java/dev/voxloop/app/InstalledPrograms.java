package dev.voxloop.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** The programs installed on this machine, as a shell finds them: executables on the PATH. */
public final class InstalledPrograms {

    private InstalledPrograms() {
    }

    public static boolean has(String program) {
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}

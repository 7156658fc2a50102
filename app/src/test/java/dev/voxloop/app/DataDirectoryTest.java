package dev.voxloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory and server.json are their owner's alone, and doctor says so when they are not. */
class DataDirectoryTest {

    @TempDir
    Path tmp;

    @Test
    void aNewDataDirectoryAndTheServerFileAreOwnerOnly() throws Exception {
        Path data = DataDirectory.create(tmp.resolve("parent/data"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        assertThat(DataDirectory.exposure(data)).isEmpty();

        try (AutoCloseable announced = RunningServer.announce(data, "http://127.0.0.1:1")) {
            Path server = data.resolve(RunningServer.FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server))).isEqualTo("rw-------");
            assertThat(RunningServer.read(data)).isPresent();
        }
    }

    @Test
    void anExistingDirectoryIsLeftAsItIsAndDoctorNamesTheFix() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("open"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        DataDirectory.create(data);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwxr-xr-x");
        assertThat(DataDirectory.exposure(data)).hasValueSatisfying(why ->
                assertThat(why).contains("other users").contains("chmod 700 " + data));

        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        Files.writeString(data.resolve(RunningServer.FILE), "{}");
        Files.setPosixFilePermissions(data.resolve(RunningServer.FILE), PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(DataDirectory.exposure(data)).hasValueSatisfying(why ->
                assertThat(why).contains("chmod 600"));
    }
}

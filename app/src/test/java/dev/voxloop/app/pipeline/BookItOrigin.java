package dev.voxloop.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** BookIt's repository as a bare origin with one commit, for a project the loop works on, and its configuration. */
final class BookItOrigin {

    private BookItOrigin() {
    }

    /** A bare {@code origin.git} under {@code tmp} (its work tree in {@code src}), branch main. */
    static Path create(Path tmp) throws Exception {
        Path origin = tmp.resolve("origin.git");
        Path src = tmp.resolve("src");
        Files.createDirectories(src);
        git(tmp, "init", "-q", "--bare", "-b", "main", origin.toString());
        git(src, "init", "-q", "-b", "main");
        Files.writeString(src.resolve("README.md"), "BookIt\n");
        git(src, "add", "-A");
        git(src, "-c", "user.name=t", "-c", "user.email=t@localhost", "commit", "-q", "-m", "BOOK-0: start");
        git(src, "push", "-q", origin.toString(), "main");
        return origin;
    }

    /** A YAML double-quoted scalar holding {@code text} (an agent's script in the configuration). */
    static String yamlString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("git"));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as("git %s: %s", args, out).isTrue();
        return out;
    }
}

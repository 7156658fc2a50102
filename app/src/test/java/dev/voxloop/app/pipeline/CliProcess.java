package dev.voxloop.app.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One voxloop command in its own JVM, as a person runs it from a shell while the server runs in another. */
final class CliProcess {

    record Result(int exit, String output, Duration took) {
    }

    private CliProcess() {
    }

    static Result run(Path workDir, Duration limit, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "dev.voxloop.app.Main"));
        cmd.addAll(List.of(args));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] out;
        if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            out = p.getInputStream().readAllBytes();
            throw new AssertionError("voxloop " + String.join(" ", args) + " did not finish within " + limit + ":\n"
                    + new String(out, StandardCharsets.UTF_8));
        }
        out = p.getInputStream().readAllBytes();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                Duration.ofNanos(System.nanoTime() - start));
    }
}

package dev.voxloop.peers.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * GitHub Actions running a repository's own workflows: a push to a branch other than the default starts one
 * workflow run per {@code .github/workflows/*.yml} file at the pushed commit, one job (check run) per job of the
 * file, each running the job's {@code run:} steps in order with {@code sh -e} in a fresh clone of that commit
 * (steps that {@code uses:} an action are skipped: checkout is the clone, the JDK is this machine's). A job's log is
 * what its steps printed; it fails at the first failing step. Re-running a failed job runs its steps again.
 */
final class PeerWorkflows {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One job of a workflow file: its check run's name and the commands of its steps. */
    record JobSpec(String name, List<String> steps, Duration timeout) {
    }

    /** What a job's steps did. */
    record Outcome(boolean passes, String log) {
    }

    private final HostedGit git;

    PeerWorkflows(HostedGit git) {
        this.git = git;
    }

    /** The jobs of every workflow file at {@code sha}, grouped by file (one workflow run each). */
    List<List<JobSpec>> plan(String repository, String sha) {
        List<List<JobSpec>> runs = new ArrayList<>();
        for (String path : git.list(repository, sha, ".github/workflows")) {
            if (!path.endsWith(".yml") && !path.endsWith(".yaml")) {
                continue;
            }
            JsonNode root;
            try {
                root = YAML.readTree(git.show(repository, sha, path));
            } catch (IOException e) {
                continue; // GitHub reports a broken workflow file as a failed run; the peer simply runs nothing
            }
            List<JobSpec> jobs = new ArrayList<>();
            for (Map.Entry<String, JsonNode> job : root.path("jobs").properties()) {
                List<String> steps = new ArrayList<>();
                job.getValue().path("steps").forEach(s -> {
                    if (s.hasNonNull("run")) {
                        steps.add(s.path("run").asText());
                    }
                });
                if (!steps.isEmpty()) {
                    jobs.add(new JobSpec(job.getValue().path("name").asText(job.getKey()), steps,
                            Duration.ofMinutes(job.getValue().path("timeout-minutes").asLong(10))));
                }
            }
            if (!jobs.isEmpty()) {
                runs.add(jobs);
            }
        }
        return runs;
    }

    /** Runs {@code job} on a fresh clone of {@code sha}. */
    Outcome run(String repository, String sha, JobSpec job) {
        Path work = null;
        StringBuilder log = new StringBuilder();
        try {
            work = Files.createTempDirectory("peer-actions-");
            Path checkout = work.resolve("repo");
            HostedGit.git(work, "clone", "-q", "--no-checkout", git.bare(repository).toString(), checkout.toString());
            HostedGit.git(checkout, "checkout", "-q", sha);
            for (String step : job.steps()) {
                log.append("Run ").append(step.strip()).append('\n');
                Process p = new ProcessBuilder("sh", "-ec", step).directory(checkout.toFile())
                        .redirectErrorStream(true).start();
                p.getOutputStream().close();
                Thread reader = Thread.ofVirtual().start(() -> {
                    try {
                        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                        synchronized (log) {
                            log.append(out);
                        }
                    } catch (IOException ignored) {
                        // the job's process is gone; its exit code says how it ended
                    }
                });
                if (!p.waitFor(job.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    reader.join();
                    log.append("##[error]The job running on runner peer has exceeded the maximum execution time of ")
                            .append(job.timeout().toMinutes()).append(" minutes.\n");
                    return new Outcome(false, log.toString());
                }
                reader.join();
                if (p.exitValue() != 0) {
                    log.append("##[error]Process completed with exit code ").append(p.exitValue()).append(".\n");
                    return new Outcome(false, log.toString());
                }
            }
            return new Outcome(true, log.toString());
        } catch (IOException | RuntimeException e) {
            return new Outcome(false, log + "##[error]The runner failed: " + e.getMessage() + "\n");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, log + "##[error]The operation was canceled.\n");
        } finally {
            delete(work);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.voxloop.app;

import dev.voxloop.app.Voxloop.Check;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.ProjectConfig;
import dev.voxloop.loop.workspace.CommandResult;
import dev.voxloop.loop.workspace.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code voxloop doctor}'s checks of each loop project: its repository answers (a local git repository, or a URL
 * {@code git ls-remote} reaches), and the programs its test, lint and coverage commands start are installed here.
 * With no project at all it says how to add one.
 */
final class ProjectChecks {

    private static final Duration GIT = Duration.ofSeconds(20);

    private ProjectChecks() {
    }

    static List<Check> of(LoopSettings loop) {
        List<Check> checks = new ArrayList<>();
        if (loop.projects().isEmpty()) {
            checks.add(new Check("projects", false, false, "no project has a repository, so no ticket is worked on:"
                    + " ./voxloop init --repo PATH --project KEY"));
        }
        loop.projects().forEach((key, p) -> {
            checks.add(repository(key, p));
            checks.add(commands(key, p));
        });
        return checks;
    }

    private static Check repository(String key, ProjectConfig p) {
        String name = "repo " + key;
        if (p.repo() == null || p.repo().isBlank()) {
            return new Check(name, false, false, "no repository (loop.projects." + key + ".repo): ./voxloop init"
                    + " --project " + key + " --repo PATH");
        }
        boolean local = !p.repo().contains("://") && !p.repo().matches("^[\\w.-]+@[\\w.-]+:.*");
        if (local && !Files.isDirectory(Path.of(p.repo()))) {
            return new Check(name, false, false, p.repo() + " does not exist");
        }
        CommandResult r = Processes.run(List.of("git", "ls-remote", "--heads", p.repo(), p.defaultBranch()),
                Path.of(System.getProperty("java.io.tmpdir")), Map.of("GIT_TERMINAL_PROMPT", "0"), null, GIT);
        if (!r.ok()) {
            return new Check(name, false, false, p.repo() + " cannot be read: " + r.tail(200).strip());
        }
        return r.output().isBlank()
                ? new Check(name, false, false, p.repo() + " has no branch " + p.defaultBranch()
                        + " (loop.projects." + key + ".default_branch)")
                : new Check(name, true, false, p.repo() + " (" + p.defaultBranch() + ")");
    }

    private static Check commands(String key, ProjectConfig p) {
        List<String> missing = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (String c : new String[] {p.test(), p.lint(), p.coverage()}) {
            if (c == null || c.isBlank()) {
                continue;
            }
            String program = c.strip().split("\\s+")[0];
            if (program.contains("/") || InstalledPrograms.has(program)) {
                present.add(c);
            } else {
                missing.add(program);
            }
        }
        if (p.test() == null) {
            return new Check("commands " + key, false, false, "no test command: the test gate has nothing to run"
                    + " (./voxloop init --project " + key + " --test CMD)");
        }
        return missing.isEmpty() ? new Check("commands " + key, true, false, String.join("; ", present)
                + " (voxloop.yaml's; a repository's .voxloop/loop.yaml supplies only what is unset here)")
                : new Check("commands " + key, false, false, "not installed here: " + String.join(", ", missing));
    }
}

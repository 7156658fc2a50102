package dev.voxloop.app.init;

import dev.voxloop.app.InstalledPrograms;
import dev.voxloop.core.forge.GitRemoteAccess;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code voxloop init}: points a project at the person's repository and proposes how the loop works on it. Every
 * value is proposed from, in order, the command line, the existing configuration and what was detected; the person
 * confirms or changes it (or {@code --yes} takes the proposals). Then the commands run once in a clone, the agents
 * on this machine are checked, and only the keys whose values changed are written.
 */
public final class ProjectInit {

    private final Prompter prompt;
    private final PrintStream out;
    private final Supplier<List<AgentChoice.Candidate>> agents;
    private final CommandTrial trial;
    private final Path scratch;
    private final Supplier<ForgeImport> forge;
    private final GitHubRemote github;

    /** The GitHub repository of {@code --github}: its clone URL, and the credentials git reaches it with. */
    public record GitHubRemote(String cloneUrl, GitRemoteAccess access) {

        /** The credentials for {@code url} when it is on this GitHub (the token goes to no other host). */
        GitRemoteAccess accessFor(String url) {
            return origin(url).equals(origin(cloneUrl)) ? access : GitRemoteAccess.NONE;
        }

        private static String origin(String url) {
            try {
                URI u = URI.create(url);
                return u.getScheme() + "://" + u.getAuthority();
            } catch (IllegalArgumentException e) {
                return url;
            }
        }
    }

    /** @param scratch where clones for detection and trials go (removed afterwards) */
    public ProjectInit(Prompter prompt, PrintStream out, Supplier<List<AgentChoice.Candidate>> agents,
                       CommandTrial trial, Path scratch) {
        this(prompt, out, agents, trial, scratch, () -> {
            throw new IllegalStateException("no built-in forge to import into");
        });
    }

    /** @param forge the built-in forge, asked only for {@code --import} */
    public ProjectInit(Prompter prompt, PrintStream out, Supplier<List<AgentChoice.Candidate>> agents,
                       CommandTrial trial, Path scratch, Supplier<ForgeImport> forge) {
        this(prompt, out, agents, trial, scratch, forge, null);
    }

    /** @param github the repository of {@code --github} (null without it) */
    public ProjectInit(Prompter prompt, PrintStream out, Supplier<List<AgentChoice.Candidate>> agents,
                       CommandTrial trial, Path scratch, Supplier<ForgeImport> forge, GitHubRemote github) {
        this.github = github;
        this.prompt = prompt;
        this.out = out;
        this.agents = agents;
        this.trial = trial;
        this.scratch = scratch;
        this.forge = forge;
    }

    /** Runs the whole init; returns what was decided. */
    public InitResult run(InitRequest req) throws IOException {
        ConfigFile cfg = ConfigFile.read(req.config());
        String repoGiven = firstOf(req.repo(), prompt.ask("Repository (path or git URL)",
                github != null ? github.cloneUrl() : req.github() != null ? "https://github.com/" + req.github() + ".git"
                : existingRepo(cfg)));
        if (repoGiven == null) {
            throw new IllegalArgumentException("a repository is required: --repo PATH|URL");
        }
        RepositorySource source = RepositorySource.of(repoGiven);
        String key = firstOf(req.project(), prompt.ask("Project key (tickets are KEY-1, KEY-2, ...)",
                projectFor(cfg, source)));
        key = checkKey(key);
        String name = firstOf(req.name(), prompt.ask("Project name", firstOf(trackerName(cfg, key), source.name())));
        String base = "loop.projects." + key + ".";

        GitRemoteAccess access = github == null || source.local() ? GitRemoteAccess.NONE
                : github.accessFor(source.location());
        Path clone = source.cloneInto(scratch.resolve("clone-" + key.toLowerCase(Locale.ROOT)), access);
        BuildProposal build = BuildDetection.detect(clone);
        out.println("build: " + build.tool() + (build.binary() == null ? "" : " (needs " + build.binary() + ")"));
        build.notes().forEach(n -> out.println("  note: " + n));
        String test = choose(req.test(), cfg.string(base + "test"), build.test(), "Test command");
        String lint = choose(req.lint(), cfg.string(base + "lint"), build.lint(), "Lint command (- for none)");
        String coverage = choose(req.coverage(), cfg.string(base + "coverage"), build.coverage(),
                "Coverage command, writing a JaCoCo XML report (- for none)");
        String report = coverage == null ? null : firstOf(cfg.string(base + "coverage_report"), build.coverageReport());

        List<CommandTrial.Trial> trials = req.runCommands() ? trials(build, clone, test, lint, coverage) : List.of();
        if (!req.runCommands()) {
            out.println("commands not run (--no-run)");
        }

        List<AgentChoice.Candidate> found = agents.get();
        out.println("agents on this machine:");
        found.forEach(c -> out.println("  " + (c.usable() ? "usable   " : "not ready") + " " + c.name() + ": "
                + c.detail()));
        String proposedAgent = firstOf(cfg.string(base + "agent"), AgentChoice.pick(found));
        String agent = firstOf(req.agent(), prompt.ask("Agent (claude, codex, builtin)",
                proposedAgent == null ? "claude" : proposedAgent));
        if (found.stream().noneMatch(c -> c.name().equals(agent) && c.usable())) {
            out.println("  warning: " + agent + " is not ready on this machine; runs stop as 'agent unavailable'"
                    + " (not counting an attempt) until it is (see `voxloop doctor`)");
        }

        String loopRepo = source.location();
        if (req.importRepo()) {
            ForgeImport hosting = forge.get();
            loopRepo = hosting.importedFrom(source.location()).orElse(null);
            if (loopRepo == null) {
                loopRepo = hosting.importRepository(source.location(), source.name());
                out.println("imported " + source.location() + " into the built-in forge as " + loopRepo
                        + " (the loop clones it and opens pull requests there)");
            } else {
                out.println("built-in forge: " + source.location() + " is hosted as " + loopRepo);
            }
        } else if (!source.location().equals(cfg.string(base + "repo")) && cfg.string(base + "repo") != null) {
            // an earlier --import pointed the project at the hosted copy of this repository: keep it
            String hosted = cfg.string(base + "repo");
            if (forgeHosts(hosted, source.location())) {
                loopRepo = hosted;
            }
        }

        List<String> changed = new ArrayList<>();
        InitFiles files = new InitFiles(cfg, changed);
        files.project(key, name, req.jira() || req.github() != null);
        if (req.github() != null) {
            files.github(key, req.github());
            if (!req.importRepo() && access != GitRemoteAccess.NONE) {
                // the code is on that GitHub too: the loop clones, pushes and opens pull requests there, with the
                // token (never in the file)
                files.set(base + "forge", "github");
                files.set(base + "github_repository", req.github());
            }
        }
        files.set(base + "repo", loopRepo);
        files.set(base + "default_branch", firstOf(cfg.string(base + "default_branch"), source.defaultBranch(access)));
        files.set(base + "test", test);
        files.set(base + "lint", lint);
        files.set(base + "coverage", coverage);
        files.set(base + "coverage_report", report);
        files.set(base + "agent", agent);
        if (!changed.isEmpty()) {
            cfg.write();
        }
        String repoFile = source.local() ? files.proposeRepositoryFile(Path.of(source.location()), test, lint,
                coverage, report) : null;
        String worksOn = loopRepo.equals(source.location()) ? loopRepo
                : loopRepo + " (the built-in forge's copy of " + source.location() + ")";
        return new InitResult(key, worksOn, build, trials, agent, changed, cfg.path(), repoFile);
    }

    /** True when {@code hosted} names the built-in forge's copy of {@code source}. */
    private boolean forgeHosts(String hosted, String source) {
        if (hosted.contains("/") || hosted.contains("\\")) {
            return false;
        }
        try {
            return forge.get().importedFrom(source).filter(hosted::equals).isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private List<CommandTrial.Trial> trials(BuildProposal build, Path clone, String test, String lint,
                                            String coverage) {
        if (build.binary() != null && !InstalledPrograms.has(build.binary())) {
            out.println("commands not run: " + build.binary() + " is not installed on this machine (detected only)");
            return List.of();
        }
        List<CommandTrial.Trial> done = new ArrayList<>();
        String[][] commands = {{"test", test}, {"lint", lint}, {"coverage", coverage}};
        for (String[] c : commands) {
            if (c[1] != null) {
                out.println("running " + c[0] + ": " + c[1] + " ...");
                CommandTrial.Trial t = trial.run(c[0], c[1], clone);
                out.println("  " + t.describe());
                done.add(t);
            }
        }
        return done;
    }

    private String choose(String given, String existing, String detected, String question) {
        if (given != null) {
            return given.equals("-") || given.isBlank() ? null : given;
        }
        return prompt.ask(question, firstOf(existing, detected));
    }

    private static String existingRepo(ConfigFile cfg) {
        return cfg.get("loop.projects") instanceof java.util.Map<?, ?> m && m.size() == 1
                ? cfg.string("loop.projects." + m.keySet().iterator().next() + ".repo") : ".";
    }

    /** The key of the project already pointing at this repository, else one made from its name. */
    private static String projectFor(ConfigFile cfg, RepositorySource source) {
        if (cfg.get("loop.projects") instanceof java.util.Map<?, ?> m) {
            for (Object k : m.keySet()) {
                if (source.location().equals(cfg.string("loop.projects." + k + ".repo"))) {
                    return String.valueOf(k);
                }
            }
        }
        String letters = source.name().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        letters = letters.replaceFirst("^[0-9]+", "");
        return letters.isEmpty() ? "APP" : letters.substring(0, Math.min(6, letters.length()));
    }

    private static String trackerName(ConfigFile cfg, String key) {
        return cfg.get("tracker.projects") instanceof List<?> l ? l.stream().filter(e -> e instanceof java.util.Map<?, ?> m
                && key.equals(String.valueOf(m.get("key")))).map(e -> ((java.util.Map<?, ?>) e).get("name"))
                .filter(java.util.Objects::nonNull).map(String::valueOf).findFirst().orElse(null) : null;
    }

    static String checkKey(String key) {
        String k = key == null ? "" : key.strip().toUpperCase(Locale.ROOT);
        if (!k.matches("[A-Z][A-Z0-9]{1,9}")) {
            throw new IllegalArgumentException("project key '" + key + "': 2 to 10 letters and digits, starting with"
                    + " a letter (tickets are KEY-1, KEY-2, ...)");
        }
        return k;
    }

    private static String firstOf(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}

package dev.voxloop.app.config;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.ProjectConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * {@code voxloop config --effective}'s account of each loop project's gate commands and where each comes from:
 * voxloop.yaml wins; what it leaves unset comes from the repository's {@code .voxloop/loop.yaml} (read here from a
 * local repository's working tree; the loop reads it from each clone), which may also raise the coverage threshold.
 */
final class ProjectCommandsSource {

    private ProjectCommandsSource() {
    }

    static String render(ConfigTree tree, Path dataDir) {
        LoopSettings loop;
        try {
            loop = LoopSettings.from(tree, dataDir);
        } catch (RuntimeException e) {
            return "";   // the problem is reported with the keys
        }
        if (loop.projects().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n# ---- loop projects: the gates' commands ----\n"
                + "# Precedence: a command set in voxloop.yaml wins (voxloop init updates it there); a command left\n"
                + "# unset there comes from the repository's " + ProjectConfig.REPO_FILE + ", which may also raise,\n"
                + "# never lower, the coverage threshold and lower the budgets.\n");
        loop.projects().forEach((key, configured) -> {
            String base = "loop.projects." + key + ".";
            Path repo = configured.repo() == null ? null : Path.of(configured.repo());
            boolean readable = repo != null && Files.isRegularFile(repo.resolve(ProjectConfig.REPO_FILE));
            ProjectConfig merged;
            try {
                merged = readable ? configured.withRepositoryFile(repo) : configured;
            } catch (RuntimeException e) {
                out.append("# ").append(key).append(": ").append(e.getMessage()).append('\n');
                merged = configured;
            }
            String repoSource = readable ? "repository " + repo.resolve(ProjectConfig.REPO_FILE)
                    + " (voxloop.yaml sets none)" : null;
            String unset = readable ? "unset (here and in the repository file)"
                    : "unset here; a repository's " + ProjectConfig.REPO_FILE + " may set it";
            line(out, tree, base + "test", configured, merged, ProjectConfig::test, repoSource, unset);
            line(out, tree, base + "lint", configured, merged, ProjectConfig::lint, repoSource, unset);
            line(out, tree, base + "coverage", configured, merged, ProjectConfig::coverage, repoSource, unset);
            line(out, tree, base + "coverage_report", configured, merged, ProjectConfig::coverageReport, repoSource,
                    unset);
            String threshold = merged.coverageThreshold() > configured.coverageThreshold()
                    ? "repository " + ProjectConfig.REPO_FILE + " (raised)"
                    : tree.origin(base + "coverage_threshold").orElse("default");
            out.append(base).append("coverage_threshold: ").append(merged.coverageThreshold()).append("  # ")
                    .append(threshold).append('\n');
        });
        return out.toString();
    }

    private static void line(StringBuilder out, ConfigTree tree, String path, ProjectConfig configured,
                             ProjectConfig merged, Function<ProjectConfig, String> value, String repoSource,
                             String unset) {
        String mine = value.apply(configured);
        String used = value.apply(merged);
        String source = mine != null ? tree.origin(path).orElse("set") : used != null ? repoSource : unset;
        out.append(path).append(':').append(used == null ? "" : " " + YamlScalar.of(used)).append("  # ")
                .append(source).append('\n');
    }
}

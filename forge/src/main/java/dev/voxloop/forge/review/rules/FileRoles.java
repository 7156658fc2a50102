package dev.voxloop.forge.review.rules;

import dev.voxloop.forge.review.diff.DiffFile;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What part a file plays in a project, read from its path (and, for entry points, from its visible lines). */
final class FileRoles {

    private static final Set<String> LOCK_FILES = Set.of("package-lock.json", "npm-shrinkwrap.json", "yarn.lock",
            "pnpm-lock.yaml", "go.sum", "poetry.lock", "pipfile.lock", "cargo.lock", "gradle.lockfile",
            "composer.lock", "uv.lock", "pdm.lock", "bun.lockb");
    private static final Pattern TEST_NAME = Pattern.compile(
            ".*(Tests?|IT|Spec)\\.(java|kt|groovy|scala)|test_.*\\.py|.*_test\\.(py|go)|conftest\\.py"
                    + "|.*\\.(test|spec)\\.(js|jsx|ts|tsx|mjs|cjs)");
    private static final Set<String> TEST_DIRS = Set.of("test", "tests", "__tests__", "spec", "specs", "testdata",
            "fixtures", "__fixtures__", "e2e", "it");
    private static final Set<String> SOURCE_EXTENSIONS = Set.of("java", "kt", "groovy", "scala", "js", "jsx", "ts",
            "tsx", "mjs", "cjs", "py", "go", "rb", "rs", "cs", "php", "swift");
    private static final Pattern ENTRY_NAME = Pattern.compile(
            "Main\\.java|.*(Cli|Command|Application|App)\\.java|__main__\\.py|cli\\.py|manage\\.py|main\\.go"
                    + "|cli\\.(js|ts|mjs)");
    private static final Set<String> ENTRY_DIRS = Set.of("cli", "cmd", "bin", "scripts", "script", "tools");
    private static final Pattern ENTRY_LINE = Pattern.compile(
            "static\\s+void\\s+main\\s*\\(|if\\s+__name__\\s*==|^package\\s+main\\b|^#!");
    private static final Pattern INFRA_NAME = Pattern.compile(
            "Dockerfile.*|.*\\.dockerfile|docker-compose.*\\.ya?ml|compose\\.ya?ml|Jenkinsfile|\\.gitlab-ci\\.yml"
                    + "|\\.travis\\.yml|Procfile|fly\\.toml|netlify\\.toml|vercel\\.json|app\\.yaml|.*\\.tf|.*\\.tfvars"
                    + "|nginx\\.conf|Makefile|skaffold\\.yaml|serverless\\.ya?ml");
    private static final Set<String> INFRA_DIRS = Set.of(".github", ".circleci", ".gitlab", "k8s", "kubernetes",
            "helm", "charts", "deploy", "deployment", "deployments", "infra", "infrastructure", "terraform",
            "ansible", "ops", ".buildkite", "manifests");
    private static final Pattern TOOLING_NAME = Pattern.compile(
            "\\.eslintrc.*|eslint\\.config\\..*|\\.prettierrc.*|\\.editorconfig|\\.gitattributes|\\.gitignore"
                    + "|\\.dockerignore|LICEN[SC]E.*|CODEOWNERS|\\.pre-commit-config\\.yaml|\\.flake8|tox\\.ini"
                    + "|setup\\.cfg|\\.pylintrc|checkstyle.*\\.xml|\\.golangci\\.ya?ml|renovate\\.json|\\.nvmrc");

    private FileRoles() {
    }

    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static List<String> dirs(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? List.of() : List.of(path.substring(0, slash).split("/"));
    }

    static String extension(String path) {
        String n = name(path);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static boolean lockFile(String path) {
        return LOCK_FILES.contains(name(path).toLowerCase(Locale.ROOT));
    }

    /** Test code or test data: a test-named file or anything under a test directory. */
    static boolean test(String path) {
        return TEST_NAME.matcher(name(path)).matches()
                || dirs(path).stream().anyMatch(d -> TEST_DIRS.contains(d.toLowerCase(Locale.ROOT)));
    }

    static boolean source(String path) {
        return SOURCE_EXTENSIONS.contains(extension(path));
    }

    /** Production source: code that ships, not tests. */
    static boolean production(String path) {
        return source(path) && !test(path);
    }

    /** A program's entry point, whose job may well be printing: a CLI, a script, a main. */
    static boolean entryPoint(DiffFile file) {
        String path = file.path();
        return ENTRY_NAME.matcher(name(path)).matches()
                || dirs(path).stream().anyMatch(d -> ENTRY_DIRS.contains(d.toLowerCase(Locale.ROOT)))
                || file.lines().stream().anyMatch(l -> ENTRY_LINE.matcher(l.text().strip()).find());
    }

    /** Deployment, CI and hosting configuration. */
    static boolean infrastructure(String path) {
        return INFRA_NAME.matcher(name(path)).matches()
                || dirs(path).stream().anyMatch(d -> INFRA_DIRS.contains(d.toLowerCase(Locale.ROOT)));
    }

    /** Linter, formatter, editor, licence and repository housekeeping files. */
    static boolean tooling(String path) {
        return TOOLING_NAME.matcher(name(path)).matches();
    }

    static boolean docs(String path) {
        String e = extension(path);
        return e.equals("md") || e.equals("rst") || e.equals("adoc") || e.equals("txt") && !name(path)
                .toLowerCase(Locale.ROOT).contains("requirements")
                || dirs(path).stream().anyMatch(d -> d.equalsIgnoreCase("docs") || d.equalsIgnoreCase("doc"));
    }

    /** A comment line in the usual languages (so commented-out code is not taken for code). */
    static boolean comment(String text) {
        String t = text.strip();
        return t.startsWith("//") || t.startsWith("#") || t.startsWith("*") || t.startsWith("/*")
                || t.startsWith("<!--");
    }
}

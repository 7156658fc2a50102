package dev.voxloop.app.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Recognises a repository's build (Maven, Gradle, npm/pnpm/yarn, Python, Go, Cargo) from its build files and
 * proposes the loop's test, lint and coverage commands from what the build declares: wrappers over installed tools,
 * the package's own scripts, the plugins it configures. It reads files only; running the commands is
 * {@link CommandTrial}'s job.
 */
public final class BuildDetection {

    private static final String NO_COVERAGE = "the coverage gate reads a JaCoCo XML report; there is none for %s"
            + " yet, so coverage is left unset";

    private BuildDetection() {
    }

    public static BuildProposal detect(Path repo) {
        if (Files.isRegularFile(repo.resolve("pom.xml"))) {
            return maven(repo);
        }
        if (Files.isRegularFile(repo.resolve("build.gradle")) || Files.isRegularFile(repo.resolve("build.gradle.kts"))) {
            return gradle(repo);
        }
        if (Files.isRegularFile(repo.resolve("package.json"))) {
            return node(repo);
        }
        if (Files.isRegularFile(repo.resolve("go.mod"))) {
            return new BuildProposal("Go", "go", "go test ./...", "go vet ./...", null, null,
                    List.of(NO_COVERAGE.formatted("Go")));
        }
        if (Files.isRegularFile(repo.resolve("Cargo.toml"))) {
            return new BuildProposal("Cargo", "cargo", "cargo test --quiet", "cargo fmt --check", null, null,
                    List.of(NO_COVERAGE.formatted("Cargo")));
        }
        if (Files.isRegularFile(repo.resolve("pyproject.toml")) || Files.isRegularFile(repo.resolve("setup.py"))
                || Files.isRegularFile(repo.resolve("requirements.txt"))) {
            return python(repo);
        }
        return BuildProposal.unknown();
    }

    private static BuildProposal maven(Path repo) {
        String pom = read(repo.resolve("pom.xml"));
        boolean wrapper = Files.isRegularFile(repo.resolve("mvnw"));
        String mvn = wrapper ? "./mvnw -B -q" : "mvn -B -q";
        List<String> notes = new ArrayList<>();
        String lint = pom.contains("spotless-maven-plugin") ? mvn + " spotless:check"
                : pom.contains("maven-checkstyle-plugin") ? mvn + " checkstyle:check" : null;
        if (lint == null) {
            notes.add("no lint plugin (Spotless, Checkstyle) in pom.xml: lint left unset");
        }
        boolean jacoco = pom.contains("jacoco-maven-plugin");
        if (!jacoco) {
            notes.add("no jacoco-maven-plugin in pom.xml: coverage left unset (add JaCoCo for the coverage gate)");
        }
        return new BuildProposal("Maven", wrapper ? "sh" : "mvn", mvn + " test", lint,
                jacoco ? mvn + " verify" : null, jacoco ? "target/site/jacoco/jacoco.xml" : null, notes);
    }

    private static BuildProposal gradle(Path repo) {
        String build = read(repo.resolve(Files.isRegularFile(repo.resolve("build.gradle.kts")) ? "build.gradle.kts"
                : "build.gradle"));
        boolean wrapper = Files.isRegularFile(repo.resolve("gradlew"));
        String gradle = wrapper ? "./gradlew -q" : "gradle -q";
        boolean jacoco = build.contains("jacoco");
        List<String> notes = new ArrayList<>();
        if (!jacoco) {
            notes.add("no jacoco plugin in the build: coverage left unset");
        }
        String lint = build.contains("spotless") ? gradle + " spotlessCheck"
                : build.contains("checkstyle") ? gradle + " checkstyleMain" : null;
        return new BuildProposal("Gradle", wrapper ? "sh" : "gradle", gradle + " test", lint,
                jacoco ? gradle + " test jacocoTestReport" : null,
                jacoco ? "build/reports/jacoco/test/jacocoTestReport.xml" : null, notes);
    }

    private static BuildProposal node(Path repo) {
        String runner = Files.isRegularFile(repo.resolve("pnpm-lock.yaml")) ? "pnpm"
                : Files.isRegularFile(repo.resolve("yarn.lock")) ? "yarn" : "npm";
        JsonNode scripts;
        try {
            scripts = new ObjectMapper().readTree(repo.resolve("package.json").toFile()).path("scripts");
        } catch (IOException e) {
            return new BuildProposal(runner, runner, null, null, null, null,
                    List.of("package.json cannot be read: " + e.getMessage()));
        }
        List<String> notes = new ArrayList<>();
        String test = scripts.hasNonNull("test") ? runner + " test" : null;
        if (test == null) {
            notes.add("package.json has no \"test\" script: name the test command with --test");
        }
        String lint = scripts.hasNonNull("lint") ? runner + " run lint" : null;
        if (lint == null) {
            notes.add("package.json has no \"lint\" script: lint left unset");
        }
        notes.add(NO_COVERAGE.formatted(runner));
        String tool = runner.equals("npm") ? "npm" : runner + " (Node.js)";
        return new BuildProposal(tool, runner, test, lint, null, null, notes);
    }

    private static BuildProposal python(Path repo) {
        String pyproject = Files.isRegularFile(repo.resolve("pyproject.toml")) ? read(repo.resolve("pyproject.toml"))
                : "";
        String lint = pyproject.contains("[tool.ruff") ? "ruff check ." : pyproject.contains("flake8")
                ? "python3 -m flake8" : null;
        List<String> notes = new ArrayList<>();
        if (lint == null) {
            notes.add("no ruff or flake8 configuration: lint left unset");
        }
        notes.add(NO_COVERAGE.formatted("Python"));
        return new BuildProposal("Python", "python3", "python3 -m pytest -q", lint, null, null, notes);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}

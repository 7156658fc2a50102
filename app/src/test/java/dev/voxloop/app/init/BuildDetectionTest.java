package dev.voxloop.app.init;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The commands proposed for each build tool's sample repository, from its build files alone. */
class BuildDetectionTest {

    @Test
    void maven() {
        BuildProposal p = BuildDetection.detect(Samples.source("maven"));
        assertThat(p.tool()).isEqualTo("Maven");
        assertThat(p.test()).isEqualTo("mvn -B -q test");
        assertThat(p.lint()).isNull();
        assertThat(p.coverage()).isNull();
        assertThat(p.notes()).anyMatch(n -> n.contains("no jacoco-maven-plugin"));
    }

    @Test
    void gradleWithJacocoProposesItsReport() {
        BuildProposal p = BuildDetection.detect(Samples.source("gradle"));
        assertThat(p.tool()).isEqualTo("Gradle");
        assertThat(p.binary()).isEqualTo("gradle");
        assertThat(p.test()).isEqualTo("gradle -q test");
        assertThat(p.coverage()).isEqualTo("gradle -q test jacocoTestReport");
        assertThat(p.coverageReport()).isEqualTo("build/reports/jacoco/test/jacocoTestReport.xml");
    }

    @Test
    void npmUsesThePackagesOwnScripts() {
        BuildProposal p = BuildDetection.detect(Samples.source("npm"));
        assertThat(p.tool()).isEqualTo("npm");
        assertThat(p.test()).isEqualTo("npm test");
        assertThat(p.lint()).isEqualTo("npm run lint");
        assertThat(p.coverage()).isNull();
    }

    @Test
    void pnpmAndYarnAreToldApartByTheirLockFiles() {
        BuildProposal pnpm = BuildDetection.detect(Samples.source("pnpm"));
        BuildProposal yarn = BuildDetection.detect(Samples.source("yarn"));
        assertThat(pnpm.binary()).isEqualTo("pnpm");
        assertThat(pnpm.test()).isEqualTo("pnpm test");
        assertThat(pnpm.lint()).isNull();
        assertThat(pnpm.notes()).anyMatch(n -> n.contains("no \"lint\" script"));
        assertThat(yarn.test()).isEqualTo("yarn test");
        assertThat(yarn.lint()).isEqualTo("yarn run lint");
    }

    @Test
    void pythonWithRuff() {
        BuildProposal p = BuildDetection.detect(Samples.source("python"));
        assertThat(p.tool()).isEqualTo("Python");
        assertThat(p.test()).isEqualTo("python3 -m pytest -q");
        assertThat(p.lint()).isEqualTo("ruff check .");
    }

    @Test
    void goAndCargo() {
        assertThat(BuildDetection.detect(Samples.source("go")).test()).isEqualTo("go test ./...");
        assertThat(BuildDetection.detect(Samples.source("go")).lint()).isEqualTo("go vet ./...");
        assertThat(BuildDetection.detect(Samples.source("cargo")).test()).isEqualTo("cargo test --quiet");
        assertThat(BuildDetection.detect(Samples.source("cargo")).lint()).isEqualTo("cargo fmt --check");
    }

    @Test
    void anUnknownRepositoryAsksForTheTestCommand() {
        BuildProposal p = BuildDetection.detect(Samples.source("maven").resolve("src"));
        assertThat(p.tool()).isEqualTo("unknown");
        assertThat(p.test()).isNull();
        assertThat(p.notes().getFirst()).contains("--test");
    }
}

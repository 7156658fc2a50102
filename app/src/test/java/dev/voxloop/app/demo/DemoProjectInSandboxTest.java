package dev.voxloop.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.app.AgentSandbox;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.sandbox.Sandbox;
import dev.voxloop.core.sandbox.SandboxRequest;
import dev.voxloop.core.sandbox.SandboxResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ordinary work on the demo project inside the sandbox as the app configures it by default (bubblewrap, no
 * network): git status and diff, editing, the project's test, lint and coverage commands, and its Maven build
 * offline through the Maven wrapper and the read-only local repository.
 */
@Tag("slow")
class DemoProjectInSandboxTest {

    @TempDir
    Path tmp;

    @Test
    void theDemoProjectBuildsAndTestsInsideTheSandboxWithoutANetwork() throws Exception {
        Path repo = tmp.resolve("trackit");
        TrackItSample.create(repo, tmp.resolve("trackit.git"));
        Sandbox sandbox = AgentSandbox.from(ConfigTree.empty(), tmp.resolve("data"), e -> { }, Clock.systemUTC())
                .sandbox();
        assertThat(sandbox.name()).isEqualTo("bubblewrap");

        SandboxResult work = sandbox.run(SandboxRequest.shell("sed -i 's/whole/rounded/' README.md"
                + " && git status --short && git diff --stat && sh run-tests.sh && sh lint.sh && sh coverage.sh"
                + " && (mvn -v || javac -version)", repo));
        assertThat(work.exit()).as(work.output()).isZero();
        assertThat(work.output()).contains(" M README.md").contains("3 passed, 0 failed");
        assertThat(repo.resolve("target/coverage.xml")).exists();

        SandboxResult maven = sandbox.run(SandboxRequest.shell("./mvnw -B -q clean verify", repo));
        assertThat(maven.exit()).as(maven.output()).isZero();
        assertThat(Files.exists(repo.resolve("target/trackit-1.0.0-SNAPSHOT.jar"))).isTrue();

        SandboxResult online = sandbox.run(SandboxRequest.shell("curl -sS -m 5 https://repo.maven.apache.org/", repo));
        assertThat(online.exit()).as("no network inside").isNotZero();
    }
}

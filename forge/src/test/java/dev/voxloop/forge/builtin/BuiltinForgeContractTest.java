package dev.voxloop.forge.builtin;

import dev.voxloop.core.forge.CodeForge;
import dev.voxloop.core.testing.CodeForgeContract;
import dev.voxloop.forge.ForgeFixture;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in forge against the {@link CodeForge} contract: real bare repositories pushed to with stock git over
 * smart HTTP, pull requests in H2, checks run by the built-in CI from the repository's {@code .voxloop/ci.yaml}.
 * One forge serves the class; each test gets a repository of its own on it.
 */
class BuiltinForgeContractTest extends CodeForgeContract {

    private static final String CI = "checks:\n  - name: test\n    run: sh check.sh\n";

    @TempDir
    static Path dir;
    private static ForgeFixture fixture;
    private static int repositories;
    private String name;
    private Path work;

    @BeforeAll
    static void forge() {
        fixture = new ForgeFixture(dir);
    }

    @AfterAll
    static void closeForge() {
        fixture.close();
    }

    @Override
    protected CodeForge newForge() {
        name = "trackit-" + ++repositories;
        work = fixture.hosted(name, Map.of(".voxloop/ci.yaml", CI, "check.sh", "echo all good\n",
                "README.md", "TrackIt\n"));
        return fixture.forge;
    }

    @Override
    protected String repository() {
        return name;
    }

    @Override
    protected String push(String branch, String message, Map<String, String> files, boolean checksPass) {
        Map<String, String> all = new HashMap<>(files);
        all.put("check.sh", checksPass ? "echo all good\n" : "echo 'FAIL: VatTest.roundsHalfUp'\nexit 1\n");
        return ForgeFixture.push(work, branch, message, all);
    }

    @Override
    protected String tip(String branch) {
        return GitReadsAccess.tip(fixture, name, branch);
    }
}

package dev.voxloop.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.voxloop.core.guard.ToolUsePolicy;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module map as rules: every adapter and orchestrator depends on core only, never on a sibling; core depends on
 * nothing of ours and no I/O library; the guard alone implements the tool-use policy; only the bench command
 * reaches the benchmark harnesses; no production code uses the test peers.
 */
class ArchitectureTest {

    /** Modules that plug into core's ports: adapters (store, speech, ...) and orchestrators (intake, loop). */
    private static final List<String> MODULES = List.of("store", "speech", "intent", "intake", "tracker", "loop",
            "guard", "forge", "github", "server");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // test classes are left out, including other modules' test-jars (their fixtures may wire across modules)
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.voxloop");
    }

    @Test
    void modulesDependOnlyOnCore() {
        for (String module : MODULES) {
            String[] others = MODULES.stream().filter(m -> !m.equals(module)).map(m -> "dev.voxloop." + m + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage("dev.voxloop." + module + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .orShould().dependOnClassesThat().resideInAnyPackage("dev.voxloop.app..", "dev.voxloop.bench..")
                    .because("modules plug into core's ports and never into each other; only app wires them")
                    .check(classes);
        }
    }

    @Test
    void coreDependsOnNoModuleAndNoIoLibrary() {
        noClasses().that().resideInAPackage("dev.voxloop.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.voxloop.store..", "dev.voxloop.speech..",
                        "dev.voxloop.intent..", "dev.voxloop.intake..", "dev.voxloop.tracker..",
                        "dev.voxloop.loop..", "dev.voxloop.guard..", "dev.voxloop.forge..", "dev.voxloop.github..",
                        "dev.voxloop.server..",
                        "dev.voxloop.bench..", "dev.voxloop.app..", "io.javalin..", "org.jdbi..", "org.flywaydb..",
                        "com.fasterxml.jackson..", "java.sql..", "java.net.http..", "org.eclipse.jgit..")
                .because("core holds the domain records, ports and events only")
                .check(classes);
    }

    @Test
    void onlyTheGuardImplementsTheToolUsePolicy() {
        classes().that().implement(ToolUsePolicy.class)
                .should().resideInAPackage("dev.voxloop.guard..")
                .because("one policy decides what an agent may do; a second one would drift from it")
                .check(classes);
    }

    @Test
    void productionCodeNeverUsesTheTestPeers() {
        noClasses().that().resideOutsideOfPackage("dev.voxloop.peers..")
                .should().dependOnClassesThat().resideInAPackage("dev.voxloop.peers..")
                .because("the peers stand in for external services in tests only")
                .check(classes);
    }

    @Test
    void onlyTheBenchCommandReachesTheBenchmarks() {
        noClasses().that().resideOutsideOfPackages("dev.voxloop.bench..", "dev.voxloop.app.bench..")
                .should().dependOnClassesThat().resideInAPackage("dev.voxloop.bench..")
                .because("benchmark harnesses are not production code; the bench command is their one door")
                .check(classes);
    }

    @Test
    void childProcessesAreStartedInOnePlace() {
        noClasses().that().resideOutsideOfPackages("dev.voxloop.core.process..", "dev.voxloop.peers..")
                .and().doNotHaveFullyQualifiedName("dev.voxloop.bench.loop.LoopClaimBench")
                .should().dependOnClassesThat().belongToAnyOf(ProcessBuilder.class)
                .because("core.process.Command captures the output, keeps the time limit and kills the whole "
                        + "process tree; the test peers (on test classpaths only) install the agent CLIs with the "
                        + "script's progress on the console, and the claim benchmark starts worker JVMs that write "
                        + "their own log files")
                .check(classes);
    }
}

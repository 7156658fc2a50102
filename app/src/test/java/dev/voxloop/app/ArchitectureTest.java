package dev.voxloop.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Adapters depend on core only, never on each other; core depends on no adapter and no I/O library. */
class ArchitectureTest {

    private static final List<String> ADAPTERS = List.of("store", "speech", "intent", "tracker", "loop", "forge",
            "server");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.voxloop");
    }

    @Test
    void adaptersDependOnlyOnCore() {
        for (String adapter : ADAPTERS) {
            String[] others = ADAPTERS.stream().filter(a -> !a.equals(adapter)).map(a -> "dev.voxloop." + a + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage("dev.voxloop." + adapter + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .orShould().dependOnClassesThat().resideInAPackage("dev.voxloop.app..")
                    .because("adapters plug into core's ports and never into each other")
                    .check(classes);
        }
    }

    @Test
    void coreDependsOnNoAdapterAndNoIoLibrary() {
        noClasses().that().resideInAPackage("dev.voxloop.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.voxloop.store..", "dev.voxloop.speech..",
                        "dev.voxloop.intent..", "dev.voxloop.tracker..", "dev.voxloop.loop..", "dev.voxloop.forge..",
                        "dev.voxloop.server..", "dev.voxloop.app..", "io.javalin..", "org.jdbi..", "org.flywaydb..",
                        "com.fasterxml.jackson..", "java.sql..", "java.net.http..", "org.eclipse.jgit..")
                .because("core holds the domain, ports and state machines only")
                .check(classes);
    }
}

package dev.accrue.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering as a checked fact: the core does no I/O; the adapters meet only in this module. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.accrue");
    }

    @Test
    void theCoreDoesNoIoAndKnowsNoFramework() {
        noClasses().that().resideInAPackage("dev.accrue.core..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "java.net..", "java.nio.file..",
                        "io.javalin..", "org.jdbi..", "org.postgresql..", "com.zaxxer..", "org.flywaydb..", "io.zonky..",
                        "picocli..", "dev.accrue.postgres..", "dev.accrue.http..", "dev.accrue.app..")
                .check(classes);
    }

    @Test
    void theHttpAdapterDoesNotKnowThePostgresAdapter() {
        noClasses().that().resideInAPackage("dev.accrue.http..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.accrue.postgres..", "org.jdbi..", "java.sql..", "dev.accrue.app..")
                .check(classes);
    }

    @Test
    void thePostgresAdapterDoesNotKnowTheHttpAdapter() {
        noClasses().that().resideInAPackage("dev.accrue.postgres..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.accrue.http..", "io.javalin..", "dev.accrue.app..")
                .check(classes);
    }
}

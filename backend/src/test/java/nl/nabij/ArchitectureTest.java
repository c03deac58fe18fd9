package nl.nabij;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Controller;

/** The package boundaries docs/explanation/architecture.md describes, pinned. */
@AnalyzeClasses(packages = "nl.nabij", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles =
            slices().matching("nl.nabij.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule onlyTheDatabasePackageUsesEmbeddedNeo4j = noClasses()
            .that()
            .resideOutsideOfPackage("nl.nabij.database..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.neo4j.dbms..", "org.neo4j.graphdb..", "org.neo4j.configuration..", "org.neo4j.kernel..");

    @ArchTest
    static final ArchRule nothingDependsOnTheDemoData = noClasses()
            .that()
            .resideOutsideOfPackages("nl.nabij.demo..", "nl.nabij.seed..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("nl.nabij.demo..", "nl.nabij.seed..");

    @ArchTest
    static final ArchRule theSharedApiPackageKnowsNoFeature = noClasses()
            .that()
            .resideInAPackage("nl.nabij.api..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "nl.nabij.household..",
                    "nl.nabij.directory..",
                    "nl.nabij.involvement..",
                    "nl.nabij.resident..",
                    "nl.nabij.database..",
                    "nl.nabij.demo..");

    @ArchTest
    static final ArchRule controllersQueryThroughNeo4jClientOrRepositoriesNotTheDriver = noClasses()
            .that()
            .areAnnotatedWith(Controller.class)
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.neo4j.driver.Driver");

    @ArchTest
    static final ArchRule controllersAreNotPublic =
            classes().that().areAnnotatedWith(Controller.class).should().notBePublic();
}

package nl.nabij;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import nl.nabij.api.Paging;
import nl.nabij.database.GraphQueries;
import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryRunner;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.springframework.data.neo4j.core.Neo4jClient;
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
    static final ArchRule theSharedApiPackageKnowsNoOtherNabijPackage = noClasses()
            .that()
            .resideInAPackage("nl.nabij.api..")
            .should()
            .dependOnClassesThat(resideInNabijOutside("nl.nabij.api.."));

    /**
     * The database package serves every feature and knows none. One exception: the keyset paging of
     * {@link GraphQueries#page} turns Spring for GraphQL's {@code ScrollSubrange} into positions through the API's
     * {@link Paging}, the one place that encodes a cursor.
     */
    @ArchTest
    static final ArchRule theDatabasePackageKnowsNoOtherNabijPackage = noClasses()
            .that()
            .resideInAPackage("nl.nabij.database..")
            .should()
            .dependOnClassesThat(resideInNabijOutside("nl.nabij.database..")
                    .and(DescribedPredicate.not(
                            JavaClass.Predicates.belongTo(JavaClass.Predicates.equivalentTo(Paging.class)))));

    @ArchTest
    static final ArchRule noPackageDependsOnTheWebApp = noClasses()
            .that()
            .resideOutsideOfPackage("nl.nabij.webapp..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("nl.nabij.webapp..");

    /** What runs Cypher: Spring Data Neo4j's client and the driver's own entry points. */
    private static final DescribedPredicate<JavaClass> RUNS_CYPHER =
            JavaClass.Predicates.belongTo(JavaClass.Predicates.equivalentTo(Neo4jClient.class)
                    .or(JavaClass.Predicates.equivalentTo(Driver.class))
                    .or(JavaClass.Predicates.equivalentTo(Session.class))
                    .or(JavaClass.Predicates.equivalentTo(Transaction.class))
                    .or(JavaClass.Predicates.equivalentTo(QueryRunner.class))
                    .or(JavaClass.Predicates.equivalentTo(GraphQueries.class)));

    /**
     * The classes that use the database raw on purpose, each with its reason. Everything else that runs Cypher is a
     * feature's {@code …Queries} class.
     */
    private static final Set<String> RAW_ON_PURPOSE = Set.of(
            // Streams the whole graph out and back in, in driver sessions of its own, below any feature.
            "nl.nabij.backup.GraphBackup",
            // Takes a write lane inside every write transaction, so a backup sees no half-written lane.
            "nl.nabij.backup.WriteLanes",
            // Load the demo municipality's seed files in large batches with the driver.
            "nl.nabij.demo.DemoDataInitializer",
            "nl.nabij.seed.DemoDataLoader",
            // Load a generated city of a million residents for the scale benchmarks, in numbered write batches.
            "nl.nabij.seed.city.CityLoader",
            "nl.nabij.seed.city.CityWriter",
            // Builds the driver for the embedded database.
            "nl.nabij.database.EmbeddedNeo4jConfiguration",
            // Hands the driver to neo4j-migrations, which applies the schema's migrations.
            "nl.nabij.database.SchemaMigrations");

    @ArchTest
    static final ArchRule onlyQueryClassesRunCypher = noClasses()
            .that()
            .haveSimpleNameNotEndingWith("Queries")
            .and(DescribedPredicate.describe(
                    "are not raw on purpose", (JavaClass type) -> !RAW_ON_PURPOSE.contains(topLevel(type))))
            .should()
            .dependOnClassesThat(RUNS_CYPHER);

    @ArchTest
    static final ArchRule controllersHoldNoCypher = noClasses()
            .that()
            .areAnnotatedWith(Controller.class)
            .or()
            .haveSimpleNameEndingWith("Controller")
            .should()
            .dependOnClassesThat(RUNS_CYPHER);

    @ArchTest
    static final ArchRule theAllowListedClassesStillRunCypher = classes()
            .that(DescribedPredicate.describe(
                    "are named in an allow-list", (JavaClass type) -> RAW_ON_PURPOSE.contains(type.getName())))
            .should()
            .dependOnClassesThat(RUNS_CYPHER)
            .allowEmptyShould(false);

    /** A nested class shares the allow-listing of the class it is declared in. */
    private static String topLevel(JavaClass type) {
        return type.getName().split("\\$")[0];
    }

    private static DescribedPredicate<JavaClass> resideInNabijOutside(String ownPackage) {
        return JavaClass.Predicates.resideInAPackage("nl.nabij..")
                .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(ownPackage)));
    }

    @ArchTest
    static final ArchRule controllersAreNotPublic =
            classes().that().areAnnotatedWith(Controller.class).should().notBePublic();
}

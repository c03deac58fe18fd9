package nl.nabij.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ac.simons.neo4j.migrations.core.MigrationChain;
import ac.simons.neo4j.migrations.core.Migrations;
import ac.simons.neo4j.migrations.core.MigrationsConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import nl.nabij.support.NabijIntegrationTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

@NabijIntegrationTest
class SchemaMigrationsTest {

    @Autowired
    SchemaMigrations migrations;

    @Autowired
    Driver driver;

    @Test
    void applyingTheMigrationsAgainChangesNothing() throws IOException {
        List<String> constraintsBefore = names("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name");
        List<String> indexesBefore = names("SHOW INDEXES YIELD name RETURN name ORDER BY name");
        long appliedBefore = appliedMigrations();

        String version = migrations.apply();

        List<String> files = migrationFiles();
        assertThat(version).isEqualTo(files.getLast().substring(1, 4));
        assertThat(appliedMigrations()).isEqualTo(appliedBefore).isEqualTo(files.size());
        assertThat(names("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name"))
                .isEqualTo(constraintsBefore);
        assertThat(names("SHOW INDEXES YIELD name RETURN name ORDER BY name")).isEqualTo(indexesBefore);
    }

    @Test
    void aStartOnAnUpToDateStoreTakesTheShortPathWithoutApplying() throws IOException {
        String last = migrationFiles().getLast().substring(1, 4);

        assertThat(migrations.upToDate()).contains(last);
        assertThat(new ResourceScanner(getClass().getClassLoader())
                        .scan(List.of("neo4j/migrations")).stream()
                                .map(url ->
                                        url.getPath().substring(url.getPath().lastIndexOf('/') + 1))
                                .filter(name -> name.startsWith("V"))
                                .sorted())
                .containsExactlyElementsOf(migrationFiles());
    }

    /**
     * A restart compares the store with the migration files without Neo4j-Migrations' lock; what it reads from the files
     * must be what Neo4j-Migrations itself makes of them, or a changed file would go unnoticed.
     */
    @Test
    void theFilesAreReadWithTheVersionsAndChecksumsNeo4jMigrationsGivesThem() throws IOException {
        Map<String, String> neo4jMigrations = new HashMap<>();
        new Migrations(
                        MigrationsConfig.builder()
                                .withLocationsToScan(SchemaMigrations.LOCATION)
                                .build(),
                        driver)
                .info(MigrationChain.ChainBuilderMode.LOCAL)
                .getElements()
                .forEach(migration -> neo4jMigrations.put(
                        migration.getVersion(), migration.getChecksum().orElseThrow()));

        assertThat(neo4jMigrations).hasSameSizeAs(migrationFiles());
        assertThat(migrations.localChain()).contains(neo4jMigrations);
    }

    @Test
    void onAnExternalDatabaseAStartWaitsForTheLockThenStopsWithAMessageThatSaysHowToRemoveIt() {
        SchemaMigrations anotherInstance = new SchemaMigrations(driver, false, Duration.ofMillis(1_500));
        leaveALock();
        try {
            long started = System.nanoTime();

            assertThatThrownBy(anotherInstance::awaitLockLeftBehind)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("held for over PT1.5S")
                    .hasMessageContaining("MATCH (l:__Neo4jMigrationsLock) DELETE l");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1_500));
            assertThat(locks()).as("another instance's lock is left alone").isEqualTo(1);
        } finally {
            removeTheLock();
        }
    }

    @Test
    void onAnExternalDatabaseAStartGoesOnOnceTheInstanceMigratingReleasesTheLock() throws Exception {
        SchemaMigrations anotherInstance = new SchemaMigrations(driver, false, Duration.ofMinutes(1));
        leaveALock();
        try (ExecutorService migrating = Executors.newSingleThreadExecutor()) {
            migrating.submit(() -> {
                Thread.sleep(1_200);
                removeTheLock();
                return null;
            });

            anotherInstance.awaitLockLeftBehind();

            assertThat(locks()).isZero();
        } finally {
            removeTheLock();
        }
    }

    @Test
    void onTheEmbeddedStoreALockLeftBehindIsRemovedAtOnce() {
        SchemaMigrations theOnlyProcess = new SchemaMigrations(driver, true, Duration.ofMinutes(1));
        leaveALock();
        try {
            theOnlyProcess.awaitLockLeftBehind();

            assertThat(locks()).isZero();
        } finally {
            removeTheLock();
        }
    }

    @Test
    void onTheEmbeddedStoreAKeyIndexLeftWithoutItsConstraintGoesBeforeMigrating() {
        SchemaMigrations theOnlyProcess = new SchemaMigrations(driver, true, Duration.ofMinutes(1));
        // What a kill between a key constraint's index and the constraint itself leaves.
        driver.executableQuery("CREATE INDEX half_made_key_unique IF NOT EXISTS FOR (n:HalfMadeKey) ON (n.id)")
                .execute();
        leaveALock();
        try {
            theOnlyProcess.awaitLockLeftBehind();
            theOnlyProcess.removeKeyIndexesLeftHalfMade();

            assertThat(names("SHOW INDEXES YIELD name RETURN name")).doesNotContain("half_made_key_unique");
            assertThat(names("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name"))
                    .as("the key constraints and their indexes stay")
                    .contains("household_id_unique");
            assertThat(locks()).isZero();
        } finally {
            driver.executableQuery("DROP INDEX half_made_key_unique IF EXISTS").execute();
            removeTheLock();
        }
    }

    /** Neo4j-Migrations' lock node, as a process that is migrating, or was killed while it did, holds it. */
    private void leaveALock() {
        driver.executableQuery("CREATE (:__Neo4jMigrationsLock {id: randomUUID(), name: 'John Doe'})")
                .execute();
    }

    private void removeTheLock() {
        driver.executableQuery("MATCH (l:__Neo4jMigrationsLock) DELETE l").execute();
    }

    private long locks() {
        return driver.executableQuery("MATCH (l:__Neo4jMigrationsLock) RETURN count(l) AS n")
                .execute()
                .records()
                .getFirst()
                .get("n")
                .asLong();
    }

    /** The migration files the graph-schema jar carries, in version order. */
    private static List<String> migrationFiles() throws IOException {
        return Arrays.stream(
                        new PathMatchingResourcePatternResolver().getResources("classpath*:neo4j/migrations/V*.cypher"))
                .map(Resource::getFilename)
                .sorted()
                .toList();
    }

    @Test
    void everyLabelHasAUniqueKeyAndAddressLookupsHaveAnIndex() {
        List<String> uniqueKeys = names(
                """
                SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties
                WHERE type = 'UNIQUENESS'
                RETURN labelsOrTypes[0] + '.' + properties[0] AS name ORDER BY name
                """);
        assertThat(uniqueKeys)
                .contains(
                        "Account.username",
                        "AuditChain.id",
                        "AuditEvent.id",
                        "AuditEvent.sequence",
                        "AuditLane.number",
                        "Consent.id",
                        "District.code",
                        "Household.id",
                        "Involvement.id",
                        "Municipality.code",
                        "Neighbourhood.code",
                        "Organisation.id",
                        "Professional.id",
                        "Resident.id",
                        "Resident.pseudonym",
                        "Team.id",
                        "Vindplaats.id");
        assertThat(
                        names(
                                """
                        SHOW INDEXES YIELD labelsOrTypes, properties
                        WHERE labelsOrTypes = ['Household']
                        RETURN reduce(s = '', p IN properties | s + p + ',') AS name
                        """))
                .contains("postcode,houseNumber,");
    }

    private List<String> names(String cypher) {
        return driver.executableQuery(cypher).execute().records().stream()
                .map(record -> record.get("name").asString())
                .toList();
    }

    private long appliedMigrations() {
        return driver.executableQuery("MATCH (m:__Neo4jMigration) WHERE m.version <> 'BASELINE' RETURN count(m) AS n")
                .execute()
                .records()
                .get(0)
                .get("n")
                .asLong();
    }
}

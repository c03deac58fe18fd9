package nl.nabij.database;

import ac.simons.neo4j.migrations.core.MigrationChain;
import ac.simons.neo4j.migrations.core.Migrations;
import ac.simons.neo4j.migrations.core.MigrationsConfig;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Applies the versioned Cypher migrations of the graph-schema module before anything else touches the database.
 * Beans that read or write data depend on this one, which orders them after it; the web server starts later still.
 * The Neo4j-Migrations Boot starter on this registry targets Boot 3 and stays silent under Boot 4, hence this bean.
 */
@Component
public class SchemaMigrations implements InitializingBean {

    static final String LOCATION = "classpath:neo4j/migrations";

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

    /** The applied migrations as Neo4j-Migrations records them: one node per version, with its checksum. */
    private static final String APPLIED =
            """
            MATCH (m:__Neo4jMigration) WHERE m.version <> 'BASELINE'
            RETURN m.version AS version, m.checksum AS checksum
            """;

    private final Migrations migrations;
    private final Driver driver;

    SchemaMigrations(Driver driver) {
        this.driver = driver;
        this.migrations = new Migrations(
                MigrationsConfig.builder()
                        .withLocationsToScan(LOCATION)
                        .withResourceScanner(new ResourceScanner(SchemaMigrations.class.getClassLoader()))
                        .build(),
                driver);
    }

    @Override
    public void afterPropertiesSet() {
        apply();
    }

    /** Applies pending migrations; applying again changes nothing. Returns the schema version now in place. */
    public String apply() {
        String version = upToDate()
                .orElseGet(() -> migrations.apply().map(Object::toString).orElse("none"));
        log.info("Graph schema at version {}", version);
        return version;
    }

    /**
     * The version in place when every migration on the class path is applied already with an unchanged checksum: a
     * restart then costs one read instead of Neo4j-Migrations' lock, checks and a dozen statements, each compiled cold.
     * Empty when anything is missing or differs, and {@link Migrations#apply()} applies or refuses as always.
     */
    Optional<String> upToDate() {
        Map<String, String> applied = new HashMap<>();
        driver.executableQuery(APPLIED)
                .execute()
                .records()
                .forEach(row -> applied.put(
                        row.get("version").asString(), row.get("checksum").asString(null)));
        Collection<MigrationChain.Element> local =
                migrations.info(MigrationChain.ChainBuilderMode.LOCAL).getElements();
        if (local.isEmpty() || local.size() != applied.size()) {
            return Optional.empty();
        }
        String last = null;
        for (MigrationChain.Element migration : local) {
            String checksum = applied.get(migration.getVersion());
            if (checksum == null || !checksum.equals(migration.getChecksum().orElse(null))) {
                return Optional.empty();
            }
            last = migration.getVersion();
        }
        return Optional.of(last);
    }
}

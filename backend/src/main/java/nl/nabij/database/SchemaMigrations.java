package nl.nabij.database;

import ac.simons.neo4j.migrations.core.Migrations;
import ac.simons.neo4j.migrations.core.MigrationsConfig;
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

    private final Migrations migrations;

    SchemaMigrations(Driver driver) {
        this.migrations = new Migrations(
                MigrationsConfig.builder().withLocationsToScan(LOCATION).build(), driver);
    }

    @Override
    public void afterPropertiesSet() {
        apply();
    }

    /** Applies pending migrations; applying again changes nothing. Returns the schema version now in place. */
    public String apply() {
        String version = migrations.apply().map(Object::toString).orElse("none");
        log.info("Graph schema at version {}", version);
        return version;
    }
}

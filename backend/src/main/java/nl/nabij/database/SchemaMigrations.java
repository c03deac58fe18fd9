package nl.nabij.database;

import ac.simons.neo4j.migrations.core.CypherResource;
import ac.simons.neo4j.migrations.core.MigrationVersion;
import ac.simons.neo4j.migrations.core.Migrations;
import ac.simons.neo4j.migrations.core.MigrationsConfig;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Applies the versioned Cypher migrations of the graph-schema module before anything else touches the database.
 * Beans that read or write data depend on this one, which orders them after it; the web server starts later still.
 * The Neo4j-Migrations Boot starter on this registry targets Boot 3 and stays silent under Boot 4, hence this bean.
 *
 * <p>Neo4j-Migrations holds a lock node while it migrates and removes it when done or when the JVM shuts down. A
 * process killed while migrating ({@code kill -9}, a power cut) leaves the node behind, and every later start would
 * refuse to migrate. With the embedded database this process alone has the store open (Neo4j locks the store
 * directory), so a lock found before it migrates is one a dead process left: it is removed. An external database may
 * be migrated by another instance starting at the same time: the start waits {@code nabij.migrations.lock-wait} for
 * that instance to finish, then stops with a message that says how to remove a lock nobody holds any more.
 */
@Component
public class SchemaMigrations implements InitializingBean {

    static final String LOCATION = "classpath:neo4j/migrations";

    /** The folder the migration files are in, as {@link ResourceScanner} looks it up. */
    private static final String FOLDER = "neo4j/migrations";

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

    /** The applied migrations as Neo4j-Migrations records them: one node per version, with its checksum. */
    private static final String APPLIED =
            """
            MATCH (m:__Neo4jMigration) WHERE m.version <> 'BASELINE'
            RETURN m.version AS version, m.checksum AS checksum
            """;

    private static final String LOCKED = "MATCH (l:__Neo4jMigrationsLock) RETURN count(l) AS locks";
    private static final String UNLOCK = "MATCH (l:__Neo4jMigrationsLock) DELETE l";

    /**
     * A key constraint is made in two steps, its index and then the constraint; a kill between them leaves the index
     * alone, under the constraint's name, and the migration's {@code CREATE CONSTRAINT … IF NOT EXISTS} then fails on
     * the name. Every constraint of the migrations is named {@code …_unique}, and no plain index is.
     */
    private static final String HALF_MADE_KEYS =
            """
            SHOW INDEXES YIELD name, owningConstraint
            WHERE owningConstraint IS NULL AND name ENDS WITH '_unique'
            RETURN name
            """;

    private static final String DROP_INDEX = "DROP INDEX $name IF EXISTS";

    /** Versions such as {@code 009} and {@code 087}, or {@code 1.10} after {@code 1.9}, in the order they apply. */
    private static final Comparator<String> VERSION_ORDER = (a, b) -> {
        String[] left = a.split("\\D+");
        String[] right = b.split("\\D+");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int order = Long.compare(Long.parseLong("0" + left[i]), Long.parseLong("0" + right[i]));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.length, right.length);
    };

    private final Migrations migrations;
    private final ResourceScanner scanner = new ResourceScanner(SchemaMigrations.class.getClassLoader());
    private final Driver driver;
    private final boolean storeIsOurs;
    private final Duration lockWait;

    @Autowired
    SchemaMigrations(
            Driver driver,
            ObjectProvider<DatabaseManagementService> embedded,
            @Value("${nabij.migrations.lock-wait:2m}") Duration lockWait) {
        this(driver, embedded.getIfAvailable() != null, lockWait);
    }

    SchemaMigrations(Driver driver, boolean storeIsOurs, Duration lockWait) {
        this.driver = driver;
        this.storeIsOurs = storeIsOurs;
        this.lockWait = lockWait;
        this.migrations = new Migrations(
                MigrationsConfig.builder()
                        .withLocationsToScan(LOCATION)
                        .withResourceScanner(scanner)
                        .build(),
                driver);
    }

    @Override
    public void afterPropertiesSet() {
        apply();
    }

    /** Applies pending migrations; applying again changes nothing. Returns the schema version now in place. */
    public String apply() {
        // An up-to-date store is read without Neo4j-Migrations' lock; a lock or a half-made key left by a process that
        // ended while migrating matters only to the migrations still to apply.
        String version = upToDate().orElseGet(() -> {
            awaitLockLeftBehind();
            removeKeyIndexesLeftHalfMade();
            return migrations.apply().map(Object::toString).orElse("none");
        });
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
        if (applied.isEmpty()) {
            return Optional.empty();
        }
        return localChain()
                .filter(local -> !local.isEmpty() && local.equals(applied))
                .flatMap(local -> local.keySet().stream().max(VERSION_ORDER));
    }

    /**
     * The migrations on the class path, version to checksum, as Neo4j-Migrations computes them ({@link CypherResource},
     * {@link MigrationVersion}), read from the files alone: asking Neo4j-Migrations for its local chain takes and
     * releases its lock in the database, a second of every restart. Empty when a file there is not a versioned Cypher
     * migration; then Neo4j-Migrations itself judges the store.
     */
    Optional<Map<String, String>> localChain() {
        Map<String, String> chain = new HashMap<>();
        for (URL url : scanner.scan(List.of(FOLDER))) {
            String file = url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
            if (file.isEmpty()) {
                continue;
            }
            if (!file.startsWith("V") || !file.endsWith(".cypher") || !MigrationVersion.canParse(file)) {
                return Optional.empty();
            }
            chain.put(
                    MigrationVersion.parse(file).getValue(),
                    CypherResource.of(url).getChecksum());
        }
        return Optional.of(chain);
    }

    /**
     * Returns once no migration lock is held: at once on the embedded store, whose lock can only be a dead process's and
     * is removed; on an external database once the instance holding it is done, or fails after the lock wait.
     */
    void awaitLockLeftBehind() {
        if (storeIsOurs) {
            if (locks() > 0) {
                driver.executableQuery(UNLOCK).execute();
                log.warn("Removed the schema migration lock a process left when it ended while migrating");
            }
            return;
        }
        Instant giveUp = Instant.now().plus(lockWait);
        while (locks() > 0) {
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException(
                        ("The schema migration lock has been held for over %s. If no other instance of Nabij is"
                                        + " starting on this database, an instance ended while migrating and left it:"
                                        + " remove it with `%s` (docs/how-to/operations.md) and start again.")
                                .formatted(lockWait, UNLOCK));
            }
            log.info("Another instance is migrating the schema; waiting for it");
            try {
                Thread.sleep(Math.min(1_000, Math.max(1, lockWait.toMillis())));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the schema migration lock", interrupted);
            }
        }
    }

    /**
     * On the embedded store, before migrations are applied, drops every key index a process that ended while migrating
     * left without its constraint. Such an index only exists where a migration did not finish, so an up-to-date store
     * (every restart) skips the look.
     */
    void removeKeyIndexesLeftHalfMade() {
        if (!storeIsOurs) {
            return;
        }
        driver.executableQuery(HALF_MADE_KEYS).execute().records().forEach(row -> {
            String name = row.get("name").asString();
            driver.executableQuery(DROP_INDEX)
                    .withParameters(Map.of("name", name))
                    .execute();
            log.warn("Dropped index {}, left without its key constraint by a process that ended", name);
        });
    }

    private long locks() {
        return driver.executableQuery(LOCKED)
                .execute()
                .records()
                .getFirst()
                .get("locks")
                .asLong();
    }
}

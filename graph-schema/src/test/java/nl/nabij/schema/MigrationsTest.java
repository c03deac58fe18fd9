package nl.nabij.schema;

import static org.assertj.core.api.Assertions.assertThat;

import ac.simons.neo4j.migrations.core.MigrationChain;
import ac.simons.neo4j.migrations.core.Migrations;
import ac.simons.neo4j.migrations.core.MigrationsConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * The migrations applied to the Neo4j the backend embeds, with the Neo4j-Migrations it runs: they apply in order,
 * applying them again changes nothing, every key the model documents (README.md's node labels) has its uniqueness
 * constraint, and no migration that a database may already hold has changed its checksum, which would stop every
 * such database at start-up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrationsTest {

    private static final Path FILES = Path.of("src/main/resources/neo4j/migrations");
    private static final Path MODEL = Path.of("README.md");
    private static final Path CHECKSUMS = Path.of("src/test/resources/migration-checksums.txt");
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d{3})__.+\\.cypher");
    private static final Pattern LABEL_ROW = Pattern.compile("^\\| `(\\w+)` \\|.*\\| ((?:`\\w+`(?:, )?)+) \\|$");
    private static final Pattern NAME = Pattern.compile("`(\\w+)`");

    // Neo4j-Migrations reports every migration it applies or skips through java.util.logging; the test says enough.
    private static final Logger MIGRATIONS_LOG = Logger.getLogger("ac.simons.neo4j.migrations");

    private DatabaseManagementService neo4j;
    private Driver driver;
    private Migrations migrations;

    @BeforeAll
    void startNeo4jAndApply(@TempDir Path store) {
        MIGRATIONS_LOG.setLevel(Level.WARNING);
        neo4j = new DatabaseManagementServiceBuilder(store)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 32L * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(BoltConnector.enable_discovery, false)
                .build();
        var system = (GraphDatabaseAPI) neo4j.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        var bolt = system.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        driver = GraphDatabase.driver(
                "bolt://" + bolt.getHost() + ":" + bolt.getPort(),
                AuthTokens.none(),
                Config.builder().withLogging(Logging.none()).build());
        // The location the backend scans: this module's jar on its class path, here the test class path.
        migrations = new Migrations(
                MigrationsConfig.builder()
                        .withLocationsToScan("classpath:neo4j/migrations")
                        .build(),
                driver);
        migrations.apply();
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.close();
        }
        if (neo4j != null) {
            neo4j.shutdown();
        }
    }

    @Test
    void everyMigrationIsAppliedInVersionOrder() throws IOException {
        List<String> versions = new ArrayList<>(versionsOfTheFiles().keySet());

        MigrationChain chain = migrations.info();

        assertThat(chain.getElements().stream().map(MigrationChain.Element::getVersion))
                .containsExactlyElementsOf(versions);
        assertThat(chain.getLastAppliedVersion().map(Object::toString)).contains(versions.getLast());
        assertThat(migrations.validate().isValid()).isTrue();
    }

    @Test
    void applyingThemAgainChangesNothing() {
        List<String> constraints = names("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name");
        List<String> indexes = names("SHOW INDEXES YIELD name RETURN name ORDER BY name");
        long nodes = count("MATCH (n) RETURN count(n) AS n");
        long relationships = count("MATCH ()-[r]->() RETURN count(r) AS n");

        migrations.apply();
        migrations.apply();

        assertThat(names("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name"))
                .isEqualTo(constraints);
        assertThat(names("SHOW INDEXES YIELD name RETURN name ORDER BY name")).isEqualTo(indexes);
        assertThat(count("MATCH (n) RETURN count(n) AS n")).isEqualTo(nodes);
        assertThat(count("MATCH ()-[r]->() RETURN count(r) AS n")).isEqualTo(relationships);
    }

    @Test
    void everyKeyTheModelDocumentsHasAUniquenessConstraint() throws IOException {
        Map<String, Set<String>> documented = documentedKeys();
        Set<String> unique = new TreeSet<>(
                names(
                        """
                SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties
                WHERE type = 'UNIQUENESS' AND size(properties) = 1 AND NOT labelsOrTypes[0] STARTS WITH '__'
                RETURN labelsOrTypes[0] + '.' + properties[0] AS name
                """));

        assertThat(documented).as("the node labels of %s", MODEL).hasSizeGreaterThan(20);
        Set<String> documentedKeys = documented.entrySet().stream()
                .flatMap(label -> label.getValue().stream().map(key -> label.getKey() + "." + key))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(unique)
                .as("every key in the Key column of %s has a uniqueness constraint", MODEL)
                .containsAll(documentedKeys);
        assertThat(unique.stream().map(key -> key.substring(0, key.indexOf('.'))))
                .as("every label with a uniqueness constraint is documented in %s", MODEL)
                .allSatisfy(label -> assertThat(documented).containsKey(label));
    }

    @Test
    void noMigrationADatabaseMayHoldHasChanged() throws IOException {
        Map<String, String> committed = new TreeMap<>();
        for (String line : Files.readAllLines(CHECKSUMS, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.trim().split("\\s+");
                committed.put(parts[0], parts[1]);
            }
        }
        Map<String, String> now = new LinkedHashMap<>();
        migrations
                .info()
                .getElements()
                .forEach(element ->
                        now.put(element.getVersion(), element.getChecksum().orElse("none")));
        String lines = now.entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining("\n"));

        assertThat(now)
                .as(
                        "a released migration is never edited (databases holding it would refuse to start): add a new"
                                + " one instead; a new migration adds its line to %s. The migrations now:\n%s",
                        CHECKSUMS, lines)
                .containsExactlyInAnyOrderEntriesOf(committed);
    }

    private static Map<String, String> versionsOfTheFiles() throws IOException {
        Map<String, String> versions = new TreeMap<>();
        try (Stream<Path> files = Files.list(FILES)) {
            for (Path file : files.toList()) {
                Matcher name = FILE_NAME.matcher(file.getFileName().toString());
                assertThat(name.matches())
                        .as("%s is named V###__Description.cypher", file)
                        .isTrue();
                versions.put(name.group(1), file.getFileName().toString());
            }
        }
        return versions;
    }

    /** The Key column of README.md's node labels table: label to its key properties. */
    private static Map<String, Set<String>> documentedKeys() throws IOException {
        Map<String, Set<String>> keys = new TreeMap<>();
        for (String line : Files.readAllLines(MODEL, StandardCharsets.UTF_8)) {
            Matcher row = LABEL_ROW.matcher(line);
            if (row.matches()) {
                Set<String> names = new TreeSet<>();
                Matcher name = NAME.matcher(row.group(2));
                while (name.find()) {
                    names.add(name.group(1));
                }
                keys.put(row.group(1), names);
            }
        }
        return keys;
    }

    private List<String> names(String cypher) {
        return driver.executableQuery(cypher).execute().records().stream()
                .map(record -> record.get("name").asString())
                .toList();
    }

    private long count(String cypher) {
        return driver.executableQuery(cypher)
                .execute()
                .records()
                .getFirst()
                .get("n")
                .asLong();
    }
}

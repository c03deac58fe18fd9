package nl.nabij.database;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Values;
import org.neo4j.driver.types.MapAccessor;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;

/**
 * Starts Neo4j Community in-process and points the driver at its Bolt connector, so the application, its tests and
 * Neo4j's own tools all talk Bolt to the same store, exactly as they would to an external server.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedNeo4jWanted.class)
@EnableConfigurationProperties(EmbeddedNeo4jProperties.class)
class EmbeddedNeo4jConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jConfiguration.class);

    @Bean(destroyMethod = "shutdown")
    DatabaseManagementService embeddedNeo4j(EmbeddedNeo4jProperties properties) {
        long started = System.nanoTime();
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(
                        properties.home().toAbsolutePath())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(
                        BoltConnector.listen_address,
                        new SocketAddress(properties.boltAddress(), properties.boltPort()))
                // Neo4j's HTTP server brings Jersey 2, which clashes with the application's web stack.
                .setConfig(HttpConnector.enabled, false)
                // The connector listens on loopback only, for this machine's processes: the app, its backup and the
                // loader.
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteSizes.parse(properties.pageCache()))
                .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
                // No usage reports: the machines Nabij runs on may not reach the internet, and need not.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(BoltConnector.enable_discovery, false)
                .build();
        log.info(
                "Embedded Neo4j started in {} ms with its store under {}, Bolt on {}",
                Duration.ofNanos(System.nanoTime() - started).toMillis(),
                properties.home().toAbsolutePath(),
                boltUri(dbms));
        return dbms;
    }

    @Bean
    Neo4jConnectionDetails embeddedNeo4jConnectionDetails(DatabaseManagementService embeddedNeo4j) {
        URI uri = boltUri(embeddedNeo4j);
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return uri;
            }

            @Override
            public AuthToken getAuthToken() {
                return AuthTokens.none();
            }
        };
    }

    /**
     * One instance is its own cluster: every transaction already sees what the ones before it committed, so bookmarks
     * buy nothing here, and honouring them made each new transaction wait for every commit in flight. Household views
     * at 32 clients fell below the rate at 4. An external server or cluster keeps Spring Data Neo4j's bookmarks, which
     * give read-your-writes across its members. The customizers add the transaction listeners (the backup's write
     * lanes), as Spring Boot does to the transaction manager it makes for an external server.
     */
    @Bean
    Neo4jTransactionManager transactionManager(
            Driver driver,
            DatabaseSelectionProvider databaseSelectionProvider,
            ObjectProvider<TransactionManagerCustomizers> customizers) {
        Neo4jTransactionManager transactionManager = Neo4jTransactionManager.with(driver)
                .withDatabaseSelectionProvider(databaseSelectionProvider)
                .withBookmarkManager(Neo4jBookmarkManager.noop())
                .build();
        customizers.ifAvailable(all -> all.customize(transactionManager));
        return transactionManager;
    }

    @Bean
    InProcessReads inProcessReads(DatabaseManagementService embeddedNeo4j) {
        return new EmbeddedReads(embeddedNeo4j.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME));
    }

    /** The embedded database's own Java API; its rows are turned into the driver's values for the mappers. */
    private record EmbeddedReads(GraphDatabaseService database) implements InProcessReads {

        @Override
        public <T> List<T> execute(
                String cypher, Map<String, Object> parameters, Function<MapAccessor, T> rowMapper, Duration timeout) {
            List<T> rows = new ArrayList<>();
            try (Transaction transaction = database.beginTx(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    Result result = transaction.execute(cypher, parameters)) {
                while (result.hasNext()) {
                    rows.add(rowMapper.apply(Values.value(result.next())));
                }
            }
            return rows;
        }
    }

    /** The port actually bound, which differs from the configured one when that is 0. */
    static URI boltUri(DatabaseManagementService dbms) {
        var system = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        var address = system.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        return URI.create("bolt://" + address.getHost() + ":" + address.getPort());
    }
}

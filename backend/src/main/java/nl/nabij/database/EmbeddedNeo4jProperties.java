package nl.nabij.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the in-process Neo4j that starts when no external database is configured.
 *
 * @param home the directory holding the store, transaction logs and Neo4j's own logs
 * @param boltAddress the address the Bolt connector listens on; loopback keeps the unauthenticated connector local
 * @param boltPort the Bolt port; 0 picks a free one (tests do this)
 * @param pageCache the page cache size in Neo4j notation (e.g. {@code 512m})
 */
@ConfigurationProperties("nabij.embedded")
public record EmbeddedNeo4jProperties(
        @DefaultValue("${user.home}/.nabij/neo4j") Path home,
        @DefaultValue("127.0.0.1") String boltAddress,
        @DefaultValue("7687") int boltPort,
        @DefaultValue("512m") String pageCache) {}

package nl.nabij.support;

import java.time.Duration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.neo4j.Neo4jContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The one Neo4j container declaration of the test suites. The image comes from {@code nabij.test.neo4j-image}: by
 * default the locally built {@code nabij/neo4j} image (container/engine.sh), or the official {@code neo4j} image on
 * machines that can pull it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ContainerDatabase {

    @Bean
    @ServiceConnection
    Neo4jContainer neo4jContainer() {
        return neo4j();
    }

    /** A container of the configured image, without authentication, ready once Neo4j says it has started. */
    public static Neo4jContainer neo4j() {
        String image = System.getProperty("nabij.test.neo4j-image");
        if (image == null) {
            throw new IllegalStateException("set nabij.test.neo4j-image (the Maven build passes it)");
        }
        var container = new Neo4jContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("neo4j"))
                .withoutAuthentication();
        // The local image serves Bolt only, so wait for Neo4j's own "Started." rather than for its HTTP port.
        return image.startsWith("nabij/")
                ? container.waitingFor(
                        Wait.forLogMessage(".*Started\\.\\s*", 1).withStartupTimeout(Duration.ofMinutes(3)))
                : container;
    }
}

package nl.nabij.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import nl.nabij.support.AppProcess;
import nl.nabij.support.NabijIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;

/** Another program, in another JVM with its own driver, reads the application's database over Bolt. */
@NabijIntegrationTest
class ForeignBoltClientTest {

    @Autowired
    Neo4jConnectionDetails database;

    @Autowired
    Driver driver;

    @Test
    void anotherJvmReadsTheSameGraphOverBolt(@TempDir Path directory) throws Exception {
        String bolt = database.getUri().toString();
        long households = driver.executableQuery("MATCH (h:Household) RETURN count(h) AS n")
                .execute()
                .records()
                .get(0)
                .get("n")
                .asLong();

        AppProcess client =
                AppProcess.start(ForeignBoltClient.class.getName(), directory.resolve("client.log"), 0, bolt);

        assertThat(client.awaitExit(Duration.ofMinutes(1))).as(client.logText()).isZero();
        assertThat(Files.readAllLines(directory.resolve("client.log")))
                .contains("households=" + households)
                .anyMatch(line -> line.startsWith("professionals=") && !line.equals("professionals=0"));
        assertThat(households).isGreaterThan(300);
    }
}

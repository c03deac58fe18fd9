package nl.nabij.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import nl.nabij.support.AppProcess;
import nl.nabij.support.SharedAppProcess;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * What was committed is still there after the application stops, cleanly or by {@code kill -9}: the
 * {@link SharedAppProcess}, stopped and started again on its store twice.
 */
class PersistenceTest {

    @Test
    void committedDataSurvivesACleanRestartAndAKillMinusNine() throws Exception {
        String afterCleanStop = UUID.randomUUID().toString();
        String beforeKill = UUID.randomUUID().toString();
        long households;

        AppProcess first = SharedAppProcess.running();
        households = count("Household");
        write(afterCleanStop);
        assertThat(first.stop()).as("exit code after SIGTERM").isIn(0, 143);

        AppProcess second = SharedAppProcess.restart();
        assertThat(probeExists(afterCleanStop)).isTrue();
        assertThat(count("Household")).isEqualTo(households);
        write(beforeKill);
        second.kill();

        AppProcess third = SharedAppProcess.restart();
        assertThat(probeExists(afterCleanStop)).isTrue();
        assertThat(probeExists(beforeKill))
                .as("a write acknowledged just before kill -9")
                .isTrue();
        assertThat(count("Household")).isEqualTo(households);
        assertThat(third.logText()).contains("Demo data not loaded: the database already holds a municipality");
    }

    private Driver driver() {
        return GraphDatabase.driver("bolt://127.0.0.1:" + SharedAppProcess.boltPort());
    }

    private void write(String probeId) {
        try (Driver driver = driver()) {
            driver.executableQuery("CREATE (:PersistenceProbe {id: $id})")
                    .withParameters(Map.of("id", probeId))
                    .execute();
        }
    }

    private boolean probeExists(String probeId) {
        try (Driver driver = driver()) {
            return driver.executableQuery("MATCH (p:PersistenceProbe {id: $id}) RETURN count(p) > 0 AS found")
                    .withParameters(Map.of("id", probeId))
                    .execute()
                    .records()
                    .get(0)
                    .get("found")
                    .asBoolean();
        }
    }

    private long count(String label) {
        try (Driver driver = driver()) {
            return driver.executableQuery("MATCH (n:" + label + ") RETURN count(n) AS n")
                    .execute()
                    .records()
                    .get(0)
                    .get("n")
                    .asLong();
        }
    }
}

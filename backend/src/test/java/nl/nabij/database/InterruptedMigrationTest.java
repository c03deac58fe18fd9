package nl.nabij.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import nl.nabij.NabijApplication;
import nl.nabij.support.AppProcess;
import nl.nabij.support.TestSecrets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A first start killed with {@code kill -9} while it applies the schema migrations leaves Neo4j-Migrations' lock node
 * in the store. The next start on that store still comes up, with every migration applied, instead of refusing to
 * migrate at every start from then on.
 */
class InterruptedMigrationTest {

    private static final Duration START_UP = Duration.ofMinutes(4);
    private static final String APPLIED = "Applied migration ";
    private static final int KILL_AFTER = 8;

    @Test
    void aStartKilledWhileMigratingLeavesAStoreTheNextStartMigratesAndServes() throws Exception {
        Path home = Files.createDirectories(Path.of("target", "test-neo4j", "interrupted-" + UUID.randomUUID()));
        int boltPort = AppProcess.freePort();

        try (AppProcess first = start(home, boltPort, "first.log")) {
            Instant giveUp = Instant.now().plus(START_UP);
            while (first.logText().split(APPLIED, -1).length - 1 < KILL_AFTER) {
                assertThat(first.isAlive())
                        .as("the first start, before its eighth migration")
                        .isTrue();
                assertThat(Instant.now()).as("eight migrations applied").isBefore(giveUp);
                Thread.sleep(20);
            }
            first.kill();
            assertThat(first.logText()).doesNotContain("Schema at version", "Graph schema at version");
        }

        try (AppProcess second = start(home, boltPort, "second.log").awaitGraphQl(START_UP)) {
            String log = second.logText();
            assertThat(log).contains("Removed the schema migration lock a process left when it ended while migrating");
            assertThat(log).contains("Graph schema at version " + lastMigration());
            assertThat(log).doesNotContain("Cannot create __Neo4jMigrationsLock");
        }
    }

    private static String lastMigration() throws IOException {
        return Arrays.stream(
                        new PathMatchingResourcePatternResolver().getResources("classpath*:neo4j/migrations/V*.cypher"))
                .map(Resource::getFilename)
                .sorted()
                .toList()
                .getLast()
                .substring(1, 4);
    }

    private static AppProcess start(Path home, int boltPort, String logName) {
        int httpPort = AppProcess.freePort();
        return AppProcess.start(
                NabijApplication.class.getName(),
                home.resolve(logName),
                httpPort,
                "--server.port=" + httpPort,
                "--nabij.embedded.home=" + home.resolve("neo4j").toAbsolutePath(),
                "--nabij.embedded.bolt-port=" + boltPort,
                "--nabij.embedded.page-cache=64m",
                "--nabij.demo-data.enabled=false",
                "--nabij.pseudonym.secret=" + TestSecrets.PSEUDONYM_SECRET);
    }
}

package nl.nabij.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import nl.nabij.NabijApplication;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestSecrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A backup of the running application's whole graph restores into an empty store with the same counts and the same
 * content digest; a store that holds data refuses a restore.
 */
@NabijIntegrationTest
class BackupTest {

    @Autowired
    GraphBackup backup;

    @Autowired
    Driver driver;

    @TempDir
    Path folder;

    @Test
    void aBackupRestoresIntoAnEmptyStoreWithEqualCountsAndDigest() throws Exception {
        Path file = folder.resolve("nabij-backup.jsonl.gz");
        GraphBackup.Summary written;
        try (OutputStream out = Files.newOutputStream(file)) {
            written = backup.backup(out);
        }
        assertThat(written.nodes()).isGreaterThan(1_000);
        assertThat(written.relationships()).isGreaterThan(1_000);
        assertThat(backup.summaryOfStore())
                .as("a second look at an unchanged store")
                .isEqualTo(written);

        // Command-line arguments, as the restore script passes them: they outrank application.properties.
        try (ConfigurableApplicationContext empty = new SpringApplicationBuilder(NabijApplication.class)
                        .run(
                                "--server.port=0",
                                "--nabij.embedded.home=target/test-neo4j/" + UUID.randomUUID(),
                                "--nabij.embedded.bolt-port=0",
                                "--nabij.embedded.page-cache=64m",
                                "--nabij.demo-data.enabled=false",
                                "--nabij.pseudonym.secret=" + TestSecrets.PSEUDONYM_SECRET);
                InputStream in = Files.newInputStream(file)) {
            GraphBackup.Restored restored = empty.getBean(GraphBackup.class).restore(in);

            assertThat(restored.expected()).isEqualTo(written);
            assertThat(restored.restored()).isEqualTo(written);
            assertThat(restored.complete()).isTrue();
        }
    }

    @Test
    void aStoreThatHoldsDataRefusesARestore() throws Exception {
        Path file = folder.resolve("again.jsonl.gz");
        try (OutputStream out = Files.newOutputStream(file)) {
            backup.backup(out);
        }
        try (InputStream in = Files.newInputStream(file)) {
            assertThatIllegalStateException()
                    .isThrownBy(() -> backup.restore(in))
                    .withMessageContaining("empty");
        }
    }
}

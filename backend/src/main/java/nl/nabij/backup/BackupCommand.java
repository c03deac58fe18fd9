package nl.nabij.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Backup and restore from the command line ({@code ops/backup.sh}, {@code ops/restore.sh}), never over the API: the
 * file holds every resident's data, and no role in the application may read all of it. With {@code nabij.backup.to}
 * the process writes the file from the database it is connected to (a running instance's, over Bolt) and ends; with
 * {@code nabij.restore.from} it restores into its empty store and ends.
 */
@Component
class BackupCommand implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(BackupCommand.class);

    private final GraphBackup backup;
    private final Environment environment;
    private final ApplicationContext context;
    private int exitCode;

    BackupCommand(GraphBackup backup, Environment environment, ApplicationContext context) {
        this.backup = backup;
        this.environment = environment;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments arguments) throws IOException {
        String to = environment.getProperty("nabij.backup.to");
        String from = environment.getProperty("nabij.restore.from");
        if (to != null) {
            try (OutputStream file = Files.newOutputStream(Path.of(to))) {
                GraphBackup.Summary summary = backup.backup(file);
                log.info(
                        "Backup written to {}: {} nodes, {} relationships, digest {}",
                        to,
                        summary.nodes(),
                        summary.relationships(),
                        summary.digest());
            }
            try {
                GraphBackup.check(Path.of(to));
            } catch (GraphBackup.InvalidBackupException unrestorable) {
                log.error("The backup written to {} would not restore: {}", to, unrestorable.getMessage());
                exitCode = 1;
            }
        }
        if (from != null) {
            try {
                GraphBackup.Restored restored = backup.restore(Path.of(from));
                log.info("Restore from {}: expected {}, restored {}", from, restored.expected(), restored.restored());
                exitCode = restored.complete() ? 0 : 1;
            } catch (GraphBackup.InvalidBackupException | IllegalStateException refused) {
                log.error("Restore from {} refused, the store is unchanged: {}", from, refused.getMessage());
                exitCode = 1;
            }
        }
        if ((to != null || from != null) && environment.getProperty("nabij.exit-after-command", Boolean.class, false)) {
            System.exit(SpringApplication.exit(context, this));
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}

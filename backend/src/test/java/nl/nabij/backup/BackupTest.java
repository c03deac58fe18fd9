package nl.nabij.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import nl.nabij.NabijApplication;
import nl.nabij.support.MixedWriteLoad;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestSecrets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A backup of the running application's whole graph restores into an empty store with the same counts and the same
 * content digest, also when it was taken while every kind of write went on; a store that holds data refuses a restore,
 * and so does a file that is not whole. The scripts do the same from the command line, on a JDK 21+ they find
 * themselves.
 *
 * <p>The restores go into one empty store for the whole class, emptied again after each test: a store that holds only
 * the structure every store has counts as empty, so a restore after another is a restore into an empty store, and the
 * class starts that store's context once instead of once per test.
 */
@NabijIntegrationTest
class BackupTest {

    /** What a store holds beyond the structure every store has (the chain's head, the lanes, the migrations' log). */
    private static final String DATA =
            "(n) WHERE NOT n:AuditChain AND NOT n:AuditLane AND NOT any(l IN labels(n) WHERE l STARTS WITH '__')";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

    @Autowired
    GraphBackup backup;

    @Autowired
    Driver driver;

    @Autowired
    Neo4jConnectionDetails database;

    @LocalServerPort
    int port;

    @TempDir
    Path folder;

    private static ConfigurableApplicationContext emptyStore;

    /** Command-line arguments, as the restore script passes them: they outrank application.properties. */
    @BeforeAll
    static void startTheEmptyStore() {
        emptyStore = new SpringApplicationBuilder(NabijApplication.class)
                .run(
                        "--server.port=0",
                        "--nabij.embedded.home=target/test-neo4j/" + UUID.randomUUID(),
                        "--nabij.embedded.bolt-port=0",
                        "--nabij.embedded.page-cache=64m",
                        "--nabij.demo-data.enabled=false",
                        "--nabij.shutdown.drain-delay=0s",
                        "--nabij.pseudonym.secret=" + TestSecrets.PSEUDONYM_SECRET);
    }

    @AfterEach
    void emptyTheStoreAgain() {
        emptyStore
                .getBean(Driver.class)
                .executableQuery("MATCH " + DATA + " DETACH DELETE n")
                .execute();
    }

    @AfterAll
    static void stopTheEmptyStore() {
        emptyStore.close();
    }

    @Test
    void aBackupRestoresIntoAnEmptyStoreWithEqualCountsAndDigest() throws Exception {
        Path file = folder.resolve("nabij-backup.jsonl.gz");
        GraphBackup.Summary written = backUp(file);
        assertThat(written.nodes()).isGreaterThan(1_000);
        assertThat(written.relationships()).isGreaterThan(1_000);
        assertThat(backup.summaryOfStore())
                .as("a second look at an unchanged store")
                .isEqualTo(written);

        GraphBackup.Restored restored = emptyStore.getBean(GraphBackup.class).restore(file);

        assertThat(restored.expected()).isEqualTo(written);
        assertThat(restored.restored()).isEqualTo(written);
        assertThat(restored.complete()).isTrue();
    }

    @Test
    void backupsTakenWhileEveryKindOfWriteGoesOnRestoreWithEqualDigests() throws Exception {
        List<Path> files = new ArrayList<>();
        List<GraphBackup.Summary> summaries = new ArrayList<>();
        List<Map<String, Integer>> writtenBefore = new ArrayList<>();
        try (MixedWriteLoad load = MixedWriteLoad.start(port, driver)) {
            while (load.written().size() < 8 && load.failures().isEmpty()) {
                Thread.sleep(200);
            }
            for (int i = 0; i < 4; i++) {
                writtenBefore.add(load.written());
                Path file = folder.resolve("under-load-" + i + ".jsonl.gz");
                summaries.add(backUp(file));
                files.add(file);
                Map<String, Integer> atThisBackup = load.written();
                await().atMost(Duration.ofMinutes(1))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> everyKindWroteAgain(atThisBackup, load.written())
                                || !load.failures().isEmpty());
            }
            load.stop();
            assertThat(load.failures()).as("answers with an error under load").isEmpty();
            assertThat(load.written())
                    .as("every kind of write went on between the first backup and the last")
                    .allSatisfy((kind, count) ->
                            assertThat(count).isGreaterThan(writtenBefore.get(0).getOrDefault(kind, 0)));
        }

        GraphBackup target = emptyStore.getBean(GraphBackup.class);
        for (int i = 0; i < files.size(); i++) {
            assertThat(GraphBackup.check(files.get(i))).isEqualTo(summaries.get(i));
            GraphBackup.Restored restored = target.restore(files.get(i));
            assertThat(restored.restored()).as("backup " + i).isEqualTo(summaries.get(i));
            emptyTheStoreAgain();
        }
    }

    @Test
    void aFileWithARelationshipToAMissingNodeIsRefusedBeforeTheStoreIsTouched() throws Exception {
        Path whole = folder.resolve("whole.jsonl.gz");
        backUp(whole);
        Path broken = folder.resolve("broken.jsonl.gz");
        withoutTheFirstNodeThatARelationshipEndsAt(whole, broken);

        assertThatThrownBy(() -> GraphBackup.check(broken))
                .isInstanceOf(GraphBackup.InvalidBackupException.class)
                .hasMessageContaining("which the file does not hold");
        assertThatThrownBy(() -> emptyStore.getBean(GraphBackup.class).restore(broken))
                .isInstanceOf(GraphBackup.InvalidBackupException.class);
        assertThat(emptyStore
                        .getBean(Driver.class)
                        .executableQuery("MATCH " + DATA + " RETURN count(n) AS n")
                        .execute()
                        .records()
                        .getFirst()
                        .get("n")
                        .asLong())
                .as("nodes in the store after the refused restore")
                .isZero();
    }

    @Test
    void aStoreThatHoldsDataRefusesARestore() throws Exception {
        Path file = folder.resolve("again.jsonl.gz");
        backUp(file);
        assertThatIllegalStateException().isThrownBy(() -> backup.restore(file)).withMessageContaining("empty");
    }

    /**
     * The scripts as docs/how-to/backup-restore.md has them, with {@code java} on the PATH and JAVA_HOME pointing at an
     * older JDK where this machine has one: they find a JDK 21+ themselves. The jar is one that names this build's
     * class path.
     *
     * <p>It runs in the embedded pass only (the tag keeps it out of the container pass): what it adds to the tests above is packaging (the scripts, the jar, the JDK
     * they find, the store moved into place or left out), the same on either database. The restore script always
     * writes a new embedded store, and the backup script runs the same {@link GraphBackup} over Bolt that the tests above
     * run against the container in the container pass; three more application starts there would prove nothing new.
     */
    @Test
    @Tag("embedded-only")
    void theScriptsBackUpRestoreAndRefuseABrokenFileLeavingNoStore() throws Exception {
        Path jar = classPathJar();
        Path file = folder.resolve("scripted.jsonl.gz");
        Script backedUp = run(
                jar,
                "ops/backup.sh",
                file.toString(),
                database.getUri().toString(),
                "--nabij.pseudonym.secret=" + TestSecrets.PSEUDONYM_SECRET);
        assertThat(backedUp.exitCode()).as(backedUp.output()).isZero();
        GraphBackup.Summary written = GraphBackup.check(file);

        Path store = folder.resolve("restored-store");
        Script restored = run(
                jar,
                "ops/restore.sh",
                file.toString(),
                store.toString(),
                "--nabij.pseudonym.secret=" + TestSecrets.PSEUDONYM_SECRET);
        assertThat(restored.exitCode()).as(restored.output()).isZero();
        assertThat(restored.output()).contains("restored " + written);
        assertThat(store.resolve("data")).isDirectory();
        assertThat(folder.resolve("restored-store.restoring")).doesNotExist();

        Path broken = folder.resolve("broken.jsonl.gz");
        withoutTheFirstNodeThatARelationshipEndsAt(file, broken);
        Path refused = folder.resolve("refused-store");
        Script refusal = run(
                jar,
                "ops/restore.sh",
                broken.toString(),
                refused.toString(),
                "--nabij.pseudonym.secret=" + TestSecrets.PSEUDONYM_SECRET);
        assertThat(refusal.exitCode()).as(refusal.output()).isNotZero();
        assertThat(refusal.output()).contains("which the file does not hold");
        assertThat(refused).doesNotExist();
        assertThat(folder.resolve("refused-store.restoring")).doesNotExist();
    }

    /** Whether every kind of write has been answered again since {@code before}: the next backup sees all of them move. */
    private static boolean everyKindWroteAgain(Map<String, Integer> before, Map<String, Integer> now) {
        return before.entrySet().stream().allMatch(kind -> now.getOrDefault(kind.getKey(), 0) > kind.getValue());
    }

    private GraphBackup.Summary backUp(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            return backup.backup(out);
        }
    }

    /** The backup with one node left out, one that a relationship needs: as a backup without lanes could be. */
    private static void withoutTheFirstNodeThatARelationshipEndsAt(Path whole, Path broken) throws IOException {
        List<String> lines;
        try (var in = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(whole)), StandardCharsets.UTF_8))) {
            lines = in.lines().collect(Collectors.toCollection(ArrayList::new));
        }
        String missing = lines.stream()
                .map(line -> JSON.readTree(line))
                .filter(line -> line.has("relationship"))
                .findFirst()
                .map(relationship -> relationship.get("start").asString())
                .orElseThrow();
        assertThat(lines.removeIf(line -> {
                    JsonNode node = JSON.readTree(line);
                    return node.has("node") && missing.equals(node.get("node").asString());
                }))
                .isTrue();
        try (var out = new BufferedWriter(
                new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(broken)), StandardCharsets.UTF_8))) {
            for (String line : lines) {
                out.write(line);
                out.write('\n');
            }
        }
    }

    /** A jar with nothing but a manifest naming the main class and this test's class path, for NABIJ_JAR. */
    private Path classPathJar() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, NabijApplication.class.getName());
        manifest.getMainAttributes()
                .put(
                        Attributes.Name.CLASS_PATH,
                        Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                                .map(entry -> Path.of(entry).toUri().toString())
                                .collect(Collectors.joining(" ")));
        Path jar = folder.resolve("nabij-classpath.jar");
        try (var out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        return jar;
    }

    private record Script(int exitCode, String output) {}

    private Script run(Path jar, String script, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", script));
        command.addAll(List.of(arguments));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(REPOSITORY.toFile()).redirectErrorStream(true);
        builder.environment().put("NABIJ_JAR", jar.toString());
        Path older = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        if (Files.isExecutable(older.resolve("bin/java"))) {
            builder.environment().put("JAVA_HOME", older.toString());
            builder.environment().put("PATH", older.resolve("bin") + ":" + System.getenv("PATH"));
        }
        Path log = folder.resolve(Path.of(script).getFileName() + "-" + UUID.randomUUID() + ".log");
        Process process = builder.redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(script + " still running after 5 minutes:\n" + Files.readString(log));
        }
        return new Script(process.exitValue(), Files.readString(log));
    }
}

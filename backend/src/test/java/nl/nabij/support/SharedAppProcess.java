package nl.nabij.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import nl.nabij.NabijApplication;

/**
 * One application in a JVM of its own, on one store, for the suites that end it on purpose ({@code kill -9}, SIGTERM)
 * and start it again on the same store. The first suite to ask starts it on a fresh store with the demo data; each
 * later one gets it running, started again on that store if the suite before ended it. Every suite still ends the
 * application its own way and sees the restart after it, while the run loads the demo data into a fresh store once
 * instead of once per suite and test. The process ends with the test JVM.
 */
public final class SharedAppProcess {

    /** Shutdown's drain delay: long enough to see the port serve on while readiness is down, short for the others. */
    public static final Duration DRAIN = Duration.ofSeconds(3);

    private static final Duration START_UP = Duration.ofMinutes(4);
    private static final Path HOME = Path.of("target", "test-neo4j", "app-process-" + UUID.randomUUID());
    private static final int BOLT_PORT = AppProcess.freePort();

    private static AppProcess running;
    private static int starts;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SharedAppProcess::killAtExit));
    }

    private SharedAppProcess() {}

    /** The application, running: as the suite before left it, or started again on the same store. */
    public static synchronized AppProcess running() throws Exception {
        if (running == null || !running.isAlive()) {
            running = start();
        }
        return running;
    }

    /** Starts the application again on the same store, after the caller ended it (killing it first if it did not). */
    public static synchronized AppProcess restart() throws Exception {
        if (running != null) {
            running.close();
        }
        running = start();
        return running;
    }

    /** Bolt on the same port at every start, so a driver can read the store from outside. */
    public static int boltPort() {
        return BOLT_PORT;
    }

    private static AppProcess start() throws Exception {
        Files.createDirectories(HOME);
        int httpPort = AppProcess.freePort();
        starts++;
        return AppProcess.start(
                        NabijApplication.class.getName(),
                        HOME.resolve("start-" + starts + ".log"),
                        httpPort,
                        "--server.port=" + httpPort,
                        "--nabij.embedded.home=" + HOME.resolve("neo4j").toAbsolutePath(),
                        "--nabij.embedded.bolt-port=" + BOLT_PORT,
                        "--nabij.embedded.page-cache=64m",
                        "--nabij.shutdown.drain-delay=" + DRAIN,
                        "--nabij.pseudonym.secret=" + TestSecrets.PSEUDONYM_SECRET,
                        "--" + TestTokens.PUBLIC_KEY_PROPERTY)
                .awaitGraphQl(START_UP);
    }

    private static synchronized void killAtExit() {
        if (running != null) {
            try {
                running.close();
            } catch (InterruptedException exiting) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

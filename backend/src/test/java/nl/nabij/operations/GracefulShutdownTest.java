package nl.nabij.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.nabij.NabijApplication;
import nl.nabij.support.AppProcess;
import nl.nabij.support.TestSecrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application in a JVM of its own gets SIGTERM: readiness answers 503 while the port still serves requests, for
 * the drain delay, and only then does the port close and the process end.
 */
class GracefulShutdownTest {

    private static final Duration DRAIN = Duration.ofSeconds(3);

    @TempDir
    Path home;

    @Test
    void readinessTurnsDownWhileTheInstanceStillServesThenThePortCloses() throws Exception {
        int port = AppProcess.freePort();
        try (AppProcess app = AppProcess.start(
                        NabijApplication.class.getName(),
                        home.resolve("app.log"),
                        port,
                        "--server.port=" + port,
                        "--nabij.embedded.home=" + home.resolve("neo4j"),
                        "--nabij.embedded.bolt-port=0",
                        "--nabij.embedded.page-cache=64m",
                        "--nabij.demo-data.enabled=false",
                        "--nabij.shutdown.drain-delay=" + DRAIN,
                        "--nabij.pseudonym.secret=" + TestSecrets.PSEUDONYM_SECRET)
                .awaitGraphQl(Duration.ofMinutes(3))) {
            assertThat(status(port, "/actuator/health/readiness")).isEqualTo(200);

            app.terminate();
            List<String> seen = new ArrayList<>();
            long terminated = System.nanoTime();
            long firstUnready = -1;
            long closed = -1;
            int graphQlWhileUnready = -1;
            while (closed < 0
                    && System.nanoTime() - terminated < Duration.ofSeconds(60).toNanos()) {
                int readiness = status(port, "/actuator/health/readiness");
                int graphQl = status(port, "/graphql");
                long at = System.nanoTime() - terminated;
                if (readiness == 503 && firstUnready < 0) {
                    firstUnready = at;
                    graphQlWhileUnready = graphQl;
                    seen.add("readiness 503, GraphQL " + graphQl + " at " + Duration.ofNanos(at));
                }
                if (readiness < 0) {
                    closed = at;
                    seen.add("port closed at " + Duration.ofNanos(at));
                }
                Thread.sleep(50);
            }

            assertThat(firstUnready).as(String.join("; ", seen)).isNotNegative();
            assertThat(closed).as(String.join("; ", seen)).isGreaterThan(firstUnready);
            assertThat(Duration.ofNanos(closed - firstUnready))
                    .as("how long the port served after readiness went down: " + seen)
                    .isGreaterThanOrEqualTo(DRAIN.minusMillis(500));
            assertThat(graphQlWhileUnready)
                    .as("GraphQL still answered while unready")
                    .isPositive();
            app.awaitExit(Duration.ofSeconds(60));
        }
    }

    /** The HTTP status of a GET on a new connection, or -1 when nothing listens any more. */
    private static int status(int port, String path) throws InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (ConnectException closed) {
            return -1;
        } catch (IOException other) {
            return -2;
        }
    }
}

package nl.nabij.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.nabij.support.AppProcess;
import nl.nabij.support.SharedAppProcess;
import org.junit.jupiter.api.Test;

/**
 * The application in a JVM of its own gets SIGTERM: readiness answers 503 while the port still serves requests, for
 * the drain delay, and only then does the port close and the process end. The application is the
 * {@link SharedAppProcess}, which the next suite that needs it starts again on its store.
 */
class GracefulShutdownTest {

    private static final Duration DRAIN = SharedAppProcess.DRAIN;

    @Test
    void readinessTurnsDownWhileTheInstanceStillServesThenThePortCloses() throws Exception {
        AppProcess app = SharedAppProcess.running();
        int port = app.httpPort();
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

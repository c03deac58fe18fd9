package nl.nabij.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import nl.nabij.security.Role;
import nl.nabij.seed.SeedData;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A request body the parser cannot read still brings no BSN into the logs, whatever the parser quotes from it. */
@NabijIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogsHoldNoBsnTest {

    private static final String BSN =
            SeedData.fromClasspath().caseHousehold().members().getFirst().bsn();

    @LocalServerPort
    int port;

    @Test
    void malformedJsonCarryingABsnIsLoggedWithoutIt(CapturedOutput output) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", TestUsers.bearer(TestUsers.demo(Role.PROFESSIONAL)))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"query\": \"{ householdOfResident(bsn: $b) { id } }\", \"variables\": {\"b\": bsn" + BSN
                                + "}}"))
                .build();

        var answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).doesNotContain(BSN);
        assertThat(output.getAll()).doesNotContain(BSN);
    }
}

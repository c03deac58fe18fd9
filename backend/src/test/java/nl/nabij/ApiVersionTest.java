package nl.nabij;

import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A client can tell which build it talks to. */
@NabijIntegrationTest
class ApiVersionTest {

    @LocalServerPort
    int port;

    @Test
    void theApiReportsTheVersionThatWasBuilt() {
        GraphQlClients.overHttp(port)
                .documentName("apiVersion")
                .execute()
                .path("apiVersion")
                .entity(String.class)
                .isEqualTo(System.getProperty("nabij.version"));
    }
}

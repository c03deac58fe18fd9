package nl.nabij.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whose address the rate limit counts: behind a trusted proxy the client the proxy saw, from anyone else the address
 * the request came from, whatever {@code X-Forwarded-For} it sends.
 */
class ClientAddressTest {

    private final ClientAddress behindTheProxies = new ClientAddress(new VolunteerProperties(
            Duration.ofDays(2), 5, "http://localhost:8080", List.of("10.0.0.0/8", "192.0.2.10")));

    @Test
    void withoutATrustedProxyTheRemoteAddressCountsWhateverTheHeaderSays() {
        assertThat(behindTheProxies.of("198.51.100.7", List.of("203.0.113.1"))).isEqualTo("198.51.100.7");
        assertThat(behindTheProxies.of("198.51.100.7", null)).isEqualTo("198.51.100.7");
    }

    @Test
    void behindATrustedProxyEachCitizenCountsOnTheirOwn() {
        assertThat(behindTheProxies.of("10.0.0.5", List.of("203.0.113.1"))).isEqualTo("203.0.113.1");
        assertThat(behindTheProxies.of("10.0.0.5", List.of("203.0.113.2"))).isEqualTo("203.0.113.2");
        assertThat(behindTheProxies.of("192.0.2.10", List.of("203.0.113.3, 10.1.2.3")))
                .isEqualTo("203.0.113.3");
    }

    @Test
    void whatAClientWritesBeforeTheProxysEntryIsIgnored() {
        assertThat(behindTheProxies.of("10.0.0.5", List.of("1.2.3.4, 203.0.113.1")))
                .isEqualTo("203.0.113.1");
        assertThat(behindTheProxies.of("10.0.0.5", List.of("1.2.3.4", "203.0.113.1")))
                .isEqualTo("203.0.113.1");
        assertThat(behindTheProxies.of("10.0.0.5", List.of("anything, 203.0.113.1")))
                .isEqualTo("203.0.113.1");
    }

    @Test
    void aTrustedProxyWithoutTheHeaderCountsAsItself() {
        assertThat(behindTheProxies.of("10.0.0.5", null)).isEqualTo("10.0.0.5");
        assertThat(behindTheProxies.of("10.0.0.5", List.of(" "))).isEqualTo("10.0.0.5");
    }
}

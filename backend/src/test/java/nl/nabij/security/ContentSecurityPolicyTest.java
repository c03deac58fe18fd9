package nl.nabij.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The app may connect to the identity provider only when one is configured, and then to that one only. */
class ContentSecurityPolicyTest {

    @Test
    void theIdentityProvidersOriginIsAllowedOnlyWhenConfigured() {
        assertThat(SecurityConfiguration.contentSecurityPolicy(Optional.empty()))
                .contains("connect-src 'self';")
                .contains("form-action 'self';");
        assertThat(SecurityConfiguration.contentSecurityPolicy(Optional.of("https://sso.example.nl")))
                .contains("connect-src 'self' https://sso.example.nl;")
                .contains("form-action 'self';");
    }
}

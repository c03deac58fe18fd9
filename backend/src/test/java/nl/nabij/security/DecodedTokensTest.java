package nl.nabij.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import nl.nabij.support.TestTokens;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * A bearer token is verified on its first request only, and nothing but that exact token, unexpired, is let through on
 * the strength of the first check: the identity provider's key and validators as the application configures them.
 */
class DecodedTokensTest {

    private final AtomicInteger verified = new AtomicInteger();
    private final JwtDecoder identityProvider =
            NimbusJwtDecoder.withPublicKey(publicKey()).build();
    private final DecodedTokens tokens = new DecodedTokens(
            token -> {
                verified.incrementAndGet();
                return identityProvider.decode(token);
            },
            Clock.systemUTC());

    @Test
    void aTokenSentAgainIsNotVerifiedAgainAndNamesTheSameUser() {
        String token = TestTokens.tokenFor(TestUsers.teamLead());

        String first = tokens.decode(token).getSubject();
        String again = tokens.decode(token).getSubject();

        assertThat(again).isEqualTo(first).isEqualTo(TestUsers.teamLead().username());
        assertThat(verified).hasValue(1);
    }

    @Test
    void anotherSignatureOverTheSameClaimsIsVerifiedAndRefused() {
        String token = TestTokens.tokenFor(TestUsers.teamLead());
        tokens.decode(token);
        String header = token.substring(0, token.lastIndexOf('.') + 1);
        String forged = header + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[256]);

        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
        assertThat(verified).hasValue(3);
    }

    @Test
    void anExpiredTokenIsRefusedEveryTime() {
        JWTClaimsSet expired = TestTokens.claimsFor(TestUsers.teamLead())
                .expirationTime(Date.from(Instant.now().minusSeconds(3600)))
                .build();
        String token = TestTokens.signed(expired);

        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtException.class);
        assertThat(verified).hasValue(2);
    }

    @Test
    void aTokenIsCheckedInFullAgainOnceItsExpiryHasPassed() {
        Instant expiry = Instant.now().plusSeconds(60);
        String token = TestTokens.signed(TestTokens.claimsFor(TestUsers.teamLead())
                .expirationTime(Date.from(expiry))
                .build());
        MovableClock clock = new MovableClock();
        DecodedTokens clocked = new DecodedTokens(
                jwt -> {
                    verified.incrementAndGet();
                    return identityProvider.decode(jwt);
                },
                clock);
        clocked.decode(token);
        clocked.decode(token);
        clock.now = expiry.plusSeconds(1);
        clocked.decode(token);

        assertThat(verified).hasValue(2);
    }

    /** The system's time until a test moves it on; the identity provider's own validators keep the real time. */
    private static final class MovableClock extends Clock {

        private Instant now = Instant.now();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the tokens' clock has no zone");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static RSAPublicKey publicKey() {
        try (InputStream in = DecodedTokensTest.class.getResourceAsStream("/security/test-jwt-public.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

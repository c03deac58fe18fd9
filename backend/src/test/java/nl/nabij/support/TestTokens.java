package nl.nabij.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import nl.nabij.security.NabijUser;

/**
 * Bearer tokens as the municipality's identity provider would issue them, signed with a key made for the tests only
 * ({@code security/test-jwt-*.pem}); the application trusts its public half through {@link #PUBLIC_KEY_PROPERTY}.
 */
public final class TestTokens {

    public static final String PUBLIC_KEY_PROPERTY =
            "spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:security/test-jwt-public.pem";

    private static final PrivateKey KEY = privateKey();

    private TestTokens() {}

    /** A token for the user, valid for an hour, with the claims Nabij reads. */
    public static String tokenFor(NabijUser user) {
        return signed(claimsFor(user).build());
    }

    /** The claims Nabij reads, for the user, valid for an hour from now. */
    public static JWTClaimsSet.Builder claimsFor(NabijUser user) {
        return new JWTClaimsSet.Builder()
                .subject(user.username())
                .claim("nabij_role", user.role().name())
                .claim("nabij_professional", user.professionalId())
                .claim("nabij_resident", user.residentId())
                .claim("nabij_organisation", user.organisationId())
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(3600)));
    }

    /** A JWT with these claims, signed with the tests' private key. */
    public static String signed(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey() {
        try (InputStream in = TestTokens.class.getResourceAsStream("/security/test-jwt-private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

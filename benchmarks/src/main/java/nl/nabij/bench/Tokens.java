package nl.nabij.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bearer tokens as the municipality's identity provider would issue them (RS256, the claims of
 * {@code nl.nabij.security.CurrentUser}), signed with a key whose public half the application under test is given as
 * {@code spring.security.oauth2.resourceserver.jwt.public-key-location}. The benchmarks use the tests' key pair.
 */
final class Tokens {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PrivateKey key;

    Tokens(Path privateKeyPem) {
        try {
            String pem = Files.readString(privateKeyPem, StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the signing key " + privateKeyPem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not a PKCS#8 RSA private key: " + privateKeyPem, e);
        }
    }

    /** A token valid for a day, for a user with the role and, when not null, the professional and organisation. */
    String issue(String subject, String role, String professionalId, String organisationId) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("exp", Instant.now().plusSeconds(86_400).getEpochSecond());
        claims.put("nabij_role", role);
        if (professionalId != null) {
            claims.put("nabij_professional", professionalId);
        }
        if (organisationId != null) {
            claims.put("nabij_organisation", organisationId);
        }
        String signingInput = encode(Map.of("alg", "RS256", "typ", "JWT")) + "." + encode(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RS256 is unavailable in this JVM", e);
        }
    }

    private static String encode(Map<String, Object> json) {
        return BASE64URL.encodeToString(JSON.writeValueAsBytes(json));
    }
}

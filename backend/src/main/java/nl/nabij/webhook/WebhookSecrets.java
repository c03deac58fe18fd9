package nl.nabij.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import nl.nabij.resident.Pseudonymiser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The signing secrets as the database holds them: sealed with AES-256-GCM under a key derived from the pseudonym
 * secret, which never enters the database. Whoever has a copy of the store or a backup, and not the key, cannot sign
 * webhooks a case system would trust. Secrets stored before sealing (the {@code whsec_} notation itself) are sealed
 * at start and still read until then.
 */
@Component
class WebhookSecrets implements InitializingBean {

    static final String SEALED_PREFIX = "sealed:v1:";

    private static final Logger log = LoggerFactory.getLogger(WebhookSecrets.class);
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final WebhookQueries queries;

    WebhookSecrets(Pseudonymiser pseudonymiser, WebhookQueries queries) {
        this.key = new SecretKeySpec(pseudonymiser.derivedKey("webhook-secrets"), "AES");
        this.queries = queries;
    }

    /** Seals the secrets an earlier version stored as they are. */
    @Override
    public void afterPropertiesSet() {
        int sealed = queries.sealPlainSecrets(this::seal);
        if (sealed > 0) {
            log.info("Sealed {} webhook signing secrets stored before sealing", sealed);
        }
    }

    /** The secret as the database keeps it. */
    String seal(String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return SEALED_PREFIX
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JVM", e);
        }
    }

    /** The secret to sign with, from what the database keeps. */
    String open(String stored) {
        if (!stored.startsWith(SEALED_PREFIX)) {
            return stored;
        }
        byte[] sealed = Base64.getDecoder().decode(stored.substring(SEALED_PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "a webhook signing secret does not open with this installation's key (nabij.pseudonym.*)", e);
        }
    }
}

package nl.nabij.resident;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Turns a BSN into the keyed pseudonym residents are stored under: HMAC-SHA-256 with a secret that never enters the
 * database, so a copy of the store alone cannot be reversed by hashing all billion possible BSNs.
 */
@Component
@EnableConfigurationProperties(PseudonymProperties.class)
public class Pseudonymiser {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MINIMUM_SECRET_LENGTH = 32;

    private final SecretKeySpec key;

    Pseudonymiser(PseudonymProperties properties) {
        this.key = new SecretKeySpec(keyBytes(properties), ALGORITHM);
    }

    /**
     * A 256-bit key for another purpose, derived from the same secret that never enters the database (HMAC of the
     * purpose's name): what it protects stays unreadable in a copy of the store, and it tells nothing of the pseudonyms.
     */
    public byte[] derivedKey(String purpose) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(("nabij-derived-key:" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is unavailable in this JVM", e);
        }
    }

    /** The pseudonym of a validated BSN, as 64 lower-case hex characters. */
    public String pseudonymise(Bsn bsn) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(bsn.digits().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is unavailable in this JVM", e);
        }
    }

    /**
     * The pseudonym of a BSN given as text, for loaders that read synthetic BSNs from files.
     *
     * @throws IllegalArgumentException without the input in its message when the text is no valid BSN
     */
    public String pseudonymise(String bsn) {
        return pseudonymise(Bsn.parse(bsn).orElseThrow(() -> new IllegalArgumentException("not a valid BSN")));
    }

    private static byte[] keyBytes(PseudonymProperties properties) {
        if (properties.secret() != null && !properties.secret().isBlank()) {
            if (properties.secret().length() < MINIMUM_SECRET_LENGTH) {
                throw new IllegalStateException(
                        "nabij.pseudonym.secret must be at least " + MINIMUM_SECRET_LENGTH + " characters long");
            }
            return properties.secret().getBytes(StandardCharsets.UTF_8);
        }
        return readOrCreateKeyFile(properties.keyFile().toAbsolutePath());
    }

    private static byte[] readOrCreateKeyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Files.createDirectories(file.getParent());
                Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardOpenOption.CREATE_NEW);
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the pseudonym key file " + file, e);
        }
    }
}

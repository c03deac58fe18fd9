package nl.nabij.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one SHA-256 of a text, hex-encoded: what the audit chain, the backup's checksums and the stored link, session
 * and throttle keys are found by, so the secret or personal text itself is never stored.
 */
public final class Digests {

    private Digests() {}

    /** The SHA-256 of {@code text}'s UTF-8 bytes, as 64 lower-case hex digits. */
    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest's own documentation).
            throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
        }
    }
}

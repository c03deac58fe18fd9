package nl.nabij.volunteer;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The one-time confirmation link and the personal link: 256 random bits each. Only their SHA-256 is stored, so a copy
 * of the database opens no registration.
 */
final class Links {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Links() {}

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

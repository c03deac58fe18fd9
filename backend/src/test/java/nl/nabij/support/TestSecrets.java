package nl.nabij.support;

/** Secrets for tests only: fixed, so pseudonyms are the same in every test and every JVM. */
public final class TestSecrets {

    public static final String PSEUDONYM_SECRET = "test-only-pseudonym-secret-0123456789abcdef";

    private TestSecrets() {}
}

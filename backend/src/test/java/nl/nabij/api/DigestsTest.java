package nl.nabij.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The SHA-256 that keys links, sessions, throttles, backups and the audit chain. */
class DigestsTest {

    @Test
    void matchesTheStandardTestVectors() {
        // FIPS 180-2, appendix B.1, and the digest of the empty string.
        assertThat(Digests.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Digests.sha256("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void hashesTheUtf8BytesSoAccentsCount() {
        assertThat(Digests.sha256("Zoë")).hasSize(64).isNotEqualTo(Digests.sha256("Zoe"));
    }
}

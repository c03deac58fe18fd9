package nl.nabij.resident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymiserTest {

    private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";

    private static Pseudonymiser withSecret(String secret) {
        return new Pseudonymiser(new PseudonymProperties(secret, Path.of("unused")));
    }

    @Test
    void isHmacSha256OfTheNineDigitsUnderTheSecret() {
        // Reference computed outside Java: printf 123456782 | openssl dgst -sha256 -hmac "$SECRET"
        assertThat(withSecret(SECRET).pseudonymise("123456782"))
                .isEqualTo("ed9cfd6734defce0c7f5ac37a4efc38a3ed270d65d369d473ef53a67985f71c1");
    }

    @Test
    void sameBsnSamePseudonymOtherSecretOtherPseudonym() {
        Pseudonymiser one = withSecret(SECRET);
        assertThat(one.pseudonymise("123456782")).isEqualTo(one.pseudonymise("123456782"));
        assertThat(one.pseudonymise("123456782")).isNotEqualTo(one.pseudonymise("111222333"));
        assertThat(withSecret(SECRET + "x").pseudonymise("123456782")).isNotEqualTo(one.pseudonymise("123456782"));
    }

    @Test
    void aDerivedKeyIsTheSameOnEveryStartDiffersPerPurposeAndFromEveryPseudonym() {
        Pseudonymiser one = withSecret(SECRET);
        byte[] webhooks = one.derivedKey("webhook-secrets");

        assertThat(webhooks).hasSize(32).isEqualTo(withSecret(SECRET).derivedKey("webhook-secrets"));
        assertThat(webhooks).isNotEqualTo(one.derivedKey("another-purpose"));
        assertThat(webhooks).isNotEqualTo(withSecret(SECRET + "x").derivedKey("webhook-secrets"));
        assertThat(HexFormat.of().formatHex(webhooks)).isNotEqualTo(one.pseudonymise("123456782"));
    }

    @Test
    void rejectsAnInvalidBsnWithoutRepeatingIt() {
        assertThatThrownBy(() -> withSecret(SECRET).pseudonymise("123456789"))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain("123456789");
    }

    @Test
    void refusesAShortSecret() {
        assertThatThrownBy(() -> withSecret("too-short")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutASecretCreatesAPrivateKeyFileOnceAndKeepsUsingIt(@TempDir Path home) throws Exception {
        Path keyFile = home.resolve("keys/pseudonym.key");
        String first = new Pseudonymiser(new PseudonymProperties(null, keyFile)).pseudonymise("123456782");
        String second = new Pseudonymiser(new PseudonymProperties(null, keyFile)).pseudonymise("123456782");

        assertThat(first).isEqualTo(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                .isEqualTo("rw-------");
    }
}

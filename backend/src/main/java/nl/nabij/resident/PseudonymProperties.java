package nl.nabij.resident;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the pseudonym key comes from. A configured secret wins; without one the key is read from a file outside the
 * database, which is created with a fresh random key on first start so a demo needs no set-up. Losing the key means
 * residents can no longer be found by BSN, so production sets the secret from its secret store.
 *
 * @param secret the HMAC secret (at least 32 characters) when configured
 * @param keyFile the file holding a generated key when no secret is configured
 */
@ConfigurationProperties("nabij.pseudonym")
public record PseudonymProperties(String secret, @DefaultValue("${user.home}/.nabij/pseudonym.key") Path keyFile) {}

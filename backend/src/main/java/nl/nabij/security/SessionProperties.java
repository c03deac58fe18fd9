package nl.nabij.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web app's sessions.
 *
 * @param idleTimeout a session unused this long has ended
 * @param absoluteTimeout a session this old has ended, however busy (NIST SP 800-63B: re-authenticate within 12 hours)
 * @param plainHttpOnLoopback whether a session cookie may leave out {@code Secure} when the request came over plain
 *     http from this machine (the embedded demo at http://localhost:8080); off in production
 */
@ConfigurationProperties("nabij.session")
public record SessionProperties(
        @DefaultValue("PT15M") Duration idleTimeout,
        @DefaultValue("PT12H") Duration absoluteTimeout,
        @DefaultValue("true") boolean plainHttpOnLoopback) {}

package nl.nabij.volunteer;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules of self-registration.
 *
 * @param confirmWithin how long the one-time confirmation link holds; unconfirmed registrations are removed after
 * @param registrationsPerHour how many registrations one client address may send in an hour
 * @param publicUrl where links in mails point, e.g. {@code https://nabij.example.nl}
 * @param trustedProxies the reverse proxies (addresses or CIDR ranges) whose {@code X-Forwarded-For} names the client
 *     for the rate limit; from anyone else the header is ignored
 */
@ConfigurationProperties("nabij.volunteer")
public record VolunteerProperties(
        @DefaultValue("P2D") Duration confirmWithin,
        @DefaultValue("5") int registrationsPerHour,
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue List<String> trustedProxies) {}

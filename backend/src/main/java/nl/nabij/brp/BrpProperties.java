package nl.nabij.brp;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Nabij reaches the BRP API Personen. Off by default: without it a registration by BSN for a person Nabij does not
 * hold answers UNKNOWN_RESIDENT, as before.
 *
 * @param enabled whether the BRP is asked at all
 * @param baseUrl the API's base URL, without {@code /personen}
 * @param sslBundle the Spring Boot SSL bundle with the client certificate (PKIoverheid) and the trusted CAs, for
 *     mutual TLS to the API and to the token endpoint; none uses the JVM's defaults
 * @param connectTimeout how long a connection may take to open
 * @param readTimeout how long an answer may take; a registration waits for at most two answers and a token
 * @param oauth the client-credentials grant; without a token URI no token is sent (a gateway that relies on mutual
 *     TLS only)
 * @param sync the scheduled sync of the residents Nabij holds
 */
@ConfigurationProperties("nabij.brp")
record BrpProperties(
        @DefaultValue("false") boolean enabled,
        URI baseUrl,
        String sslBundle,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("4s") Duration readTimeout,
        @DefaultValue OAuth oauth,
        @DefaultValue Sync sync) {

    /**
     * The OAuth 2.0 client-credentials grant.
     *
     * @param tokenUri the authorisation server's token endpoint
     * @param clientId the client id the municipality registered for Nabij
     * @param clientSecret its secret, from the secret store
     * @param scope the scopes to ask for, space-separated; none asks for the client's default
     */
    record OAuth(URI tokenUri, String clientId, String clientSecret, String scope) {}

    /**
     * The scheduled sync.
     *
     * @param cron when it runs (Spring cron), nightly by default
     */
    record Sync(@DefaultValue("0 30 2 * * *") String cron) {}
}

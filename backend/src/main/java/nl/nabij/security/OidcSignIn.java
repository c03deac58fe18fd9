package nl.nabij.security;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The municipality's OpenID Connect provider that the web app offers for signing in ({@code nabij.webapp.oidc.*}). The
 * app runs the authorization code flow with PKCE itself, as a public client: there is no client secret to keep, and
 * the provider's access token goes to the API as a bearer token. Without an issuer the app offers only the built-in
 * accounts.
 *
 * @param issuer the provider's issuer identifier, exactly as its discovery document states it (a Keycloak realm:
 *     {@code https://sso.example.nl/realms/nabij}); https, or http on loopback only, since the access token comes back
 *     over it
 * @param clientId the public client registered for the web app at the provider
 * @param name what the sign-in button calls the provider ("Inloggen via …"); the issuer's host when unset
 * @param scope the scopes the app asks for, {@code openid} among them
 */
@ConfigurationProperties("nabij.webapp.oidc")
public record OidcSignIn(String issuer, String clientId, String name, @DefaultValue("openid") String scope) {

    public OidcSignIn {
        issuer = blankAsNull(issuer);
        if (issuer != null) {
            URI uri = parse(issuer);
            if (clientId == null || clientId.isBlank()) {
                throw new IllegalArgumentException("nabij.webapp.oidc.client-id is required with an issuer");
            }
            if (Arrays.stream(scope.split(" ")).noneMatch("openid"::equals)) {
                throw new IllegalArgumentException("nabij.webapp.oidc.scope must include openid, is '" + scope + "'");
            }
            name = name == null || name.isBlank() ? uri.getHost() : name;
        }
    }

    public boolean configured() {
        return issuer != null;
    }

    /** The scheme, host and port of the issuer: the one place besides Nabij that the app may connect to. */
    public Optional<String> origin() {
        if (issuer == null) {
            return Optional.empty();
        }
        URI uri = parse(issuer);
        return Optional.of(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
    }

    private static URI parse(String issuer) {
        URI uri;
        try {
            uri = new URI(issuer);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("nabij.webapp.oidc.issuer is not a URL: " + issuer, e);
        }
        boolean https = "https".equals(uri.getScheme());
        boolean httpOnLoopback = "http".equals(uri.getScheme()) && loopback(uri.getHost());
        if (uri.getHost() == null || uri.getUserInfo() != null || !(https || httpOnLoopback)) {
            throw new IllegalArgumentException(
                    "nabij.webapp.oidc.issuer must be an https URL (http only on loopback), is " + issuer);
        }
        return uri;
    }

    /** Only a name or literal address that stays on this machine; a name is not looked up in DNS. */
    private static boolean loopback(String host) {
        if (host == null) {
            return false;
        }
        if ("localhost".equals(host)) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[[0-9a-fA-F:.]+]")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

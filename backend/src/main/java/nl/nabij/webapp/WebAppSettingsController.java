package nl.nabij.webapp;

import nl.nabij.security.OidcSignIn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the web app needs to know before anyone signs in: whether to offer an identity provider, and which. Public,
 * like the app's files: an issuer and a public client's id are no secrets, and the sign-in screen needs them first.
 */
@RestController
@EnableConfigurationProperties(OidcSignIn.class)
class WebAppSettingsController {

    /** The provider as the app's sign-in screen uses it; null when none is configured. */
    record Settings(Provider oidc) {}

    record Provider(String issuer, String clientId, String name, String scope) {}

    private final Settings settings;

    /**
     * Refuses to start with a sign-in button whose tokens the API would refuse: the app's provider is only of use when
     * the API accepts bearer tokens too.
     */
    WebAppSettingsController(OidcSignIn oidc, ObjectProvider<JwtDecoder> bearerTokens) {
        if (oidc.configured() && bearerTokens.getIfAvailable() == null) {
            throw new IllegalStateException("nabij.webapp.oidc.issuer is set, but the API accepts no bearer tokens: "
                    + "set spring.security.oauth2.resourceserver.jwt.issuer-uri to the same provider");
        }
        this.settings = settingsFor(oidc);
    }

    static Settings settingsFor(OidcSignIn oidc) {
        return new Settings(
                oidc.configured() ? new Provider(oidc.issuer(), oidc.clientId(), oidc.name(), oidc.scope()) : null);
    }

    @GetMapping(value = "/app/settings.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Settings settings() {
        return settings;
    }
}

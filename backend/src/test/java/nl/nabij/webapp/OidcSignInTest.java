package nl.nabij.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import nl.nabij.security.OidcSignIn;
import org.junit.jupiter.api.Test;

/**
 * The web app's identity provider settings: none unless an issuer is set, and then only one the app can use safely.
 * The browser test runs with a provider; this shows the app without one.
 */
class OidcSignInTest {

    @Test
    void withoutAnIssuerTheAppOffersNoProviderAndConnectsNowhereElse() {
        OidcSignIn none = new OidcSignIn(" ", null, null, "openid");
        assertThat(none.configured()).isFalse();
        assertThat(none.origin()).isEmpty();
        assertThat(WebAppSettingsController.settingsFor(none).oidc()).isNull();
    }

    @Test
    void aKeycloakRealmIsOfferedUnderItsNameAndItsOriginIsTheOneToConnectTo() {
        OidcSignIn keycloak =
                new OidcSignIn("https://sso.example.nl:8443/realms/nabij", "nabij-web", "Gemeente Nieuwstad", "openid");
        assertThat(keycloak.origin()).contains("https://sso.example.nl:8443");
        assertThat(WebAppSettingsController.settingsFor(keycloak).oidc())
                .isEqualTo(new WebAppSettingsController.Provider(
                        "https://sso.example.nl:8443/realms/nabij", "nabij-web", "Gemeente Nieuwstad", "openid"));
        assertThat(new OidcSignIn("https://sso.example.nl/realms/nabij", "nabij-web", null, "openid profile").name())
                .isEqualTo("sso.example.nl");
    }

    @Test
    void anIssuerTheAppCannotUseSafelyStopsTheStart() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OidcSignIn("http://sso.example.nl/realms/nabij", "nabij-web", null, "openid"))
                .withMessageContaining("https");
        assertThat(new OidcSignIn("http://127.0.0.1:8081/realms/nabij", "nabij-web", null, "openid").origin())
                .contains("http://127.0.0.1:8081");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OidcSignIn("https://sso.example.nl/realms/nabij", null, null, "openid"))
                .withMessageContaining("client-id");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OidcSignIn("https://sso.example.nl/realms/nabij", "nabij-web", null, "profile"))
                .withMessageContaining("openid");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OidcSignIn("sso.example.nl", "nabij-web", null, "openid"));
    }
}

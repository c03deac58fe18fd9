package nl.nabij.brp;

import java.net.http.HttpClient;
import java.util.Arrays;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * The connection to the BRP, built only when {@code nabij.brp.enabled}: one JDK HTTP client with the SSL bundle's
 * client certificate (mutual TLS) and the connect timeout, used for the API and its token endpoint alike, and Spring
 * Security's OAuth 2.0 client, which fetches a client-credentials token, caches it until it expires and sends it as a
 * bearer token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BrpProperties.class)
@ConditionalOnBooleanProperty("nabij.brp.enabled")
class BrpConfiguration {

    private static final String REGISTRATION = "brp";

    @Bean
    BrpClient brpClient(BrpProperties properties, SslBundles bundles) {
        if (properties.baseUrl() == null) {
            throw new IllegalStateException("nabij.brp.enabled needs nabij.brp.base-url");
        }
        // HTTP/1.1 as the BRP's gateways speak it, without the HTTP/2 upgrade the JDK client tries on plain
        // connections.
        HttpClient.Builder http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout());
        if (properties.sslBundle() != null && !properties.sslBundle().isBlank()) {
            http.sslContext(bundles.getBundle(properties.sslBundle()).createSslContext());
        }
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http.build());
        requests.setReadTimeout(properties.readTimeout());
        RestClient.Builder rest =
                RestClient.builder().baseUrl(properties.baseUrl().toString()).requestFactory(requests);
        if (properties.oauth().tokenUri() != null) {
            rest.requestInterceptor(bearerTokens(properties.oauth(), requests));
        }
        return new BrpClient(rest.build());
    }

    private static OAuth2ClientHttpRequestInterceptor bearerTokens(
            BrpProperties.OAuth oauth, JdkClientHttpRequestFactory requests) {
        ClientRegistration.Builder registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(oauth.tokenUri().toString())
                .clientId(oauth.clientId())
                .clientSecret(oauth.clientSecret());
        if (oauth.scope() != null && !oauth.scope().isBlank()) {
            registration.scope(Arrays.asList(oauth.scope().strip().split("\\s+")));
        }
        var registrations = new InMemoryClientRegistrationRepository(registration.build());
        var tokens = new RestClientClientCredentialsTokenResponseClient();
        // The token endpoint is reached over the same mutually authenticated connection as the API.
        tokens.setRestClient(RestClient.builder()
                .requestFactory(requests)
                .configureMessageConverters(converters ->
                        converters.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        var authorizedClients = new InMemoryOAuth2AuthorizedClientService(registrations);
        var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials(credentials -> credentials.accessTokenResponseClient(tokens))
                .build());
        var interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
        interceptor.setClientRegistrationIdResolver(request -> REGISTRATION);
        // The token is Nabij's own, whoever's request or job asks: one cached token for the whole application.
        interceptor.setPrincipalResolver(request -> new AnonymousAuthenticationToken(
                "nabij", "nabij", AuthorityUtils.createAuthorityList("ROLE_BRP_CLIENT")));
        interceptor.setAuthorizationFailureHandler(
                OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
        return interceptor;
    }
}

package nl.nabij.security;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * Who may call the API at all: every GraphQL request must be signed in, with a built-in account (HTTP Basic) or, when
 * an identity provider is configured ({@code spring.security.oauth2.resourceserver.jwt.*}), with its bearer token.
 * What a signed-in user may then see is decided per field by {@link AccessRules}. The web app's files are public: they
 * hold no data, and the app signs in on its own GraphQL calls.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String ARGON2 = "argon2@SpringSecurity_v5_8";

    /**
     * The web app runs only its own scripts, styles and connections, so injected markup cannot run or send data
     * anywhere. GraphiQL is left out: its page is an inline script that loads from a CDN.
     */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectProvider<JwtDecoder> identityProvider) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/graphql", "/graphql/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                // Stateless: every request carries its credentials, so there is no session to steal and no CSRF.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new NegatedRequestMatcher(
                                PathPatternRequestMatcher.withDefaults().matcher("/graphiql/**")),
                        new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY))))
                // A request marked X-Requested-With (the web app's) gets a bare 401: no browser sign-in dialog.
                .httpBasic(Customizer.withDefaults());
        if (identityProvider.getIfAvailable() != null) {
            http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(roleFromClaim())));
        }
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(
                ARGON2, Map.of(ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }

    private static JwtAuthenticationConverter roleFromClaim() {
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> List.of(
                new SimpleGrantedAuthority("ROLE_" + Role.valueOf(jwt.getClaimAsString(CurrentUser.ROLE_CLAIM)))));
        return converter;
    }
}

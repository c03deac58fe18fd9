package nl.nabij.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call the API at all. The web app signs in once ({@link SessionController}) and then sends its session
 * cookie; API clients send the identity provider's bearer token ({@code spring.security.oauth2.resourceserver.jwt.*});
 * scripts may send a built-in account's HTTP Basic credentials where {@code nabij.sign-in.basic-auth} allows it. Wrong
 * credentials are 401 here, and password attempts are throttled ({@link PasswordSignIn}). A GraphQL request without
 * credentials is let through to {@link AccessRules}, which opens only the public operations to it; anything else it
 * asks for is answered 401 by {@link SignInRequiredInterceptor}. Importing Open Referral data is for administrators;
 * the probes are public; metrics are for administrators; the file exports under {@code /exports/} have no fields to
 * check, so their role rule is here. The web app's files and its settings ({@code /app/settings.json}) are public:
 * they hold no data, and the app signs in at {@code /session}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SignInProperties.class, SessionProperties.class})
class SecurityConfiguration {

    private static final String ARGON2 = "argon2@SpringSecurity_v5_8";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** Signing in starts a session rather than using one; its JSON body already keeps other sites out. */
    private static final RequestMatcher SIGN_IN =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/session");
    /** The app uses no device or powerful browser feature, so none is granted to it or anything it frames. */
    static final String PERMISSIONS_POLICY = "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
            + "fullscreen=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
            + "publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()";

    /**
     * The web app runs only its own scripts, styles and connections, so injected markup cannot run or send data
     * anywhere. The one exception is the identity provider the app signs in with, when one is configured: the app
     * fetches its discovery document and exchanges the code at its token endpoint. Going to the provider's login page
     * is a navigation, which no directive governs, so {@code form-action} stays the app's own. It holds on every
     * response: nothing this app serves loads code from elsewhere (GraphiQL, which did, is not served).
     */
    static String contentSecurityPolicy(Optional<String> identityProviderOrigin) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                + "connect-src 'self'"
                + identityProviderOrigin.map(origin -> " " + origin).orElse("") + "; "
                + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    @Bean
    SecurityFilterChain api(
            HttpSecurity http,
            ObjectProvider<JwtDecoder> identityProvider,
            OidcSignIn webAppSignIn,
            SessionStore sessions,
            SignInProperties signIn,
            CsrfTokenRepository csrfTokens)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        // Anyone may post a GraphQL request; credentials that come with it are still checked here.
                        // AccessRules then lets a request without a user reach the public operations only.
                        .requestMatchers(HttpMethod.POST, "/graphql")
                        .permitAll()
                        .requestMatchers("/graphql", "/graphql/**")
                        .authenticated()
                        // Probes come from the orchestrator without credentials; they reveal UP or DOWN only.
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(Role.ADMINISTRATOR.name())
                        // The network files: the roles that read networks over GraphQL, before any handler runs.
                        .requestMatchers("/exports/**")
                        .hasAnyRole(AccessRules.STAFF.stream().map(Role::name).toArray(String[]::new))
                        // Case systems' bulk registrations: their machine client's token, nothing else.
                        .requestMatchers("/case-system/**")
                        .hasAnyRole(AccessRules.CASE_SYSTEMS.stream()
                                .map(Role::name)
                                .toArray(String[]::new))
                        .requestMatchers(HttpMethod.POST, "/hsds/**")
                        .hasRole(Role.ADMINISTRATOR.name())
                        .anyRequest()
                        .permitAll())
                // No servlet session: the web app's sessions live in the database (SessionStore), for every instance.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new SessionAuthenticationFilter(sessions), BasicAuthenticationFilter.class)
                // A session cookie goes with every request the browser makes, so a change made with it must also
                // carry the XSRF-TOKEN cookie's value in X-XSRF-TOKEN, which only the app's own pages can read.
                // Requests that bring their own credentials (Basic, Bearer) cannot be forged and need no token.
                // The token is replaced at sign-in only (SessionController). Spring would replace it on every
                // request the session cookie signs in, and a page's concurrent calls would then carry a token the
                // browser had already swapped: random 403s.
                .csrf(csrf -> csrf.spa()
                        .csrfTokenRepository(csrfTokens)
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy())
                        .requireCsrfProtectionMatcher(SecurityConfiguration::changeWithSessionCookie))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(contentSecurityPolicy(webAppSignIn.origin())))
                        // An address can carry a household's id or a volunteer's personal link: never pass it on.
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)))
                // A 401 names how to sign in (RFC 9110): Basic where scripts may use it, otherwise a bearer token.
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint((request, response, failure) ->
                        unauthorizedOrUnavailable(request, response, failure, signIn.basicAuth())));
        if (signIn.basicAuth()) {
            // Scripts' calls; the web app marks its own with X-Requested-With: a bare 401, no browser dialog.
            http.httpBasic(basic -> basic.authenticationEntryPoint(
                    (request, response, failure) -> unauthorizedOrUnavailable(request, response, failure, true)));
        }
        if (identityProvider.getIfAvailable() != null) {
            http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(roleFromClaim())));
        }
        return http.build();
    }

    /**
     * A built-in account is looked up in Neo4j; when Neo4j cannot be reached that is no wrong password, so the answer
     * is 503 with a code, not a 401 that would make the user doubt their credentials.
     */
    private static void unauthorizedOrUnavailable(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure, boolean basic)
            throws IOException {
        if (failure instanceof SignInRefused refused) {
            refused.write(response);
            return;
        }
        if (failure instanceof InternalAuthenticationServiceException) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setContentType("application/json");
            response.getWriter()
                    .write("{\"errors\":[{\"message\":\"The database cannot be reached right now; try again shortly.\","
                            + "\"extensions\":{\"code\":\"DATABASE_UNAVAILABLE\"}}]}");
            return;
        }
        if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            // The web app marks its calls, so a browser shows no sign-in dialog of its own over the app's.
            response.setHeader("WWW-Authenticate", basic ? "Basic realm=\"Nabij\"" : "Bearer realm=\"Nabij\"");
        }
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
    }

    private static boolean changeWithSessionCookie(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod())
                && SessionCookie.read(request).isPresent()
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && !SIGN_IN.matches(request);
    }

    /** The XSRF-TOKEN cookie the web app reads and sends back in X-XSRF-TOKEN. */
    @Bean
    CsrfTokenRepository csrfTokens() {
        return CookieCsrfTokenRepository.withHttpOnlyFalse();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(
                ARGON2, Map.of(ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }

    private static JwtAuthenticationConverter roleFromClaim() {
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(
                jwt -> List.of(new SimpleGrantedAuthority("ROLE_" + CurrentUser.roleOf(jwt))));
        return converter;
    }
}

package nl.nabij.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import nl.nabij.security.NabijUser;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the municipality's OpenID Connect provider, in-process on a free loopback port: the discovery
 * document, an authorize endpoint that answers at once (no login page) and a token endpoint that checks the PKCE
 * verifier and issues tokens signed with the tests' key, which the application trusts. The web app's sign-in is
 * configured for it ({@code nabij.webapp.oidc.*}); a test decides how the next sign-in goes.
 *
 * <p>It starts as an initializer of the one application context that all integration suites share, because a
 * property set per test class would start a second context with a second embedded database. The initializer runs
 * before the properties are bound, so the provider can take any free port and still be in the configuration; a fixed
 * port, as the test mail server has, could be taken on a shared build machine. The running provider is a bean, so the
 * browser test can steer it, and it stops with the context.
 */
public final class TestIdentityProvider implements ApplicationListener<ContextClosedEvent> {

    public static final String CLIENT_ID = "nabij-web";
    public static final String NAME = "Nieuwstad Login";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final String issuer;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private volatile NabijUser signsIn;
    private volatile boolean down;

    /** What the authorize endpoint promised for a code, checked when the code is exchanged. */
    private record Grant(NabijUser user, String redirectUri, String challenge, String nonce) {}

    /** Registered in {@link NabijIntegrationTest}: starts the provider and points the web app's sign-in at it. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestIdentityProvider provider = new TestIdentityProvider();
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "testIdentityProvider",
                            Map.of(
                                    "nabij.webapp.oidc.issuer", provider.issuer(),
                                    "nabij.webapp.oidc.client-id", CLIENT_ID,
                                    "nabij.webapp.oidc.name", NAME)));
            context.getBeanFactory().registerSingleton("testIdentityProvider", provider);
            context.addApplicationListener(provider);
        }
    }

    private TestIdentityProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/nabij";
        server.createContext("/realms/nabij/.well-known/openid-configuration", this::discovery);
        server.createContext("/realms/nabij/authorize", this::authorize);
        server.createContext("/realms/nabij/token", this::token);
        server.start();
    }

    public String issuer() {
        return issuer;
    }

    /** The next sign-in succeeds, as this user. */
    public void signsIn(NabijUser user) {
        signsIn = user;
        down = false;
    }

    /** The next sign-in is refused, as when the user cancels at the provider. */
    public void refusesSignIn() {
        signsIn = null;
        down = false;
    }

    /** The discovery document answers 503, as a provider that is down. */
    public void goesDown() {
        down = true;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        server.stop(0);
    }

    private void discovery(HttpExchange exchange) throws IOException {
        if (down) {
            answer(exchange, 503, Map.of("error", "temporarily_unavailable"));
            return;
        }
        answer(
                exchange,
                200,
                Map.of(
                        "issuer",
                        issuer,
                        "authorization_endpoint",
                        issuer + "/authorize",
                        "token_endpoint",
                        issuer + "/token",
                        "response_types_supported",
                        List.of("code"),
                        "code_challenge_methods_supported",
                        List.of("S256")));
    }

    /** Answers at once, as a provider where the user is signed in already, or has just cancelled. */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String redirectUri = query.get("redirect_uri");
        Map<String, String> back = new HashMap<>();
        back.put("state", query.get("state"));
        boolean wellFormed = "code".equals(query.get("response_type"))
                && CLIENT_ID.equals(query.get("client_id"))
                && "S256".equals(query.get("code_challenge_method"))
                && query.get("code_challenge") != null
                && query.get("nonce") != null
                && Arrays.asList(query.getOrDefault("scope", "").split(" ")).contains("openid");
        if (!wellFormed) {
            back.put("error", "invalid_request");
        } else if (signsIn == null) {
            back.put("error", "access_denied");
        } else {
            String code = randomText();
            grants.put(code, new Grant(signsIn, redirectUri, query.get("code_challenge"), query.get("nonce")));
            back.put("code", code);
        }
        exchange.getResponseHeaders().set("Location", redirectUri + "?" + encode(back));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form =
                form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII));
        Grant grant = grants.remove(form.getOrDefault("code", ""));
        boolean valid = grant != null
                && "authorization_code".equals(form.get("grant_type"))
                && CLIENT_ID.equals(form.get("client_id"))
                && grant.redirectUri().equals(form.get("redirect_uri"))
                && grant.challenge().equals(challengeFor(form.getOrDefault("code_verifier", "")));
        if (!valid) {
            answer(exchange, 400, Map.of("error", "invalid_grant"));
            return;
        }
        Date expires = Date.from(Instant.now().plusSeconds(300));
        String accessToken = TestTokens.signed(TestTokens.claimsFor(grant.user())
                .issuer(issuer)
                .claim("azp", CLIENT_ID)
                .expirationTime(expires)
                .build());
        String idToken = TestTokens.signed(TestTokens.claimsFor(grant.user())
                .issuer(issuer)
                .audience(CLIENT_ID)
                .claim("nonce", grant.nonce())
                .expirationTime(expires)
                .build());
        answer(
                exchange,
                200,
                Map.of("access_token", accessToken, "id_token", idToken, "token_type", "Bearer", "expires_in", 300));
    }

    /** Every answer may be read by the web app on its own origin, as a provider's configured web origins allow. */
    private static void answer(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] json = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        exchange.sendResponseHeaders(status, json.length);
        exchange.getResponseBody().write(json);
        exchange.close();
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            values.put(
                    URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
                    nameAndValue.length == 2 ? URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    private static String encode(Map<String, String> values) {
        return values.entrySet().stream()
                .filter(entry -> entry.getValue() != null)
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String challengeFor(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomText() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

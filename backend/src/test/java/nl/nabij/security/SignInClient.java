package nl.nabij.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** The web app's calls as a browser makes them, cookie by cookie, against one app instance. */
final class SignInClient {

    static final String ME = "{\"query\":\"{ me { username role } }\"}";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    SignInClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A started session's cookies as the browser sends them back, and the CSRF token the app reads from one. */
    record Session(String cookies, String csrfToken) {}

    HttpResponse<String> signIn(String username, String password) throws Exception {
        return signIn(username, password, "");
    }

    /** Signing in from a browser that already holds these cookies. */
    HttpResponse<String> signIn(String username, String password, String cookies) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/session"));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return send(request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")));
    }

    HttpResponse<String> signInWithToken(String bearer) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/session"))
                .header("Authorization", bearer)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    Session session(String username, String password) throws Exception {
        return session(signIn(username, password));
    }

    static Session session(HttpResponse<String> signedIn) {
        String session = cookie(signedIn, SessionCookie.NAME)
                .orElseThrow(() -> new AssertionError("no session cookie: " + signedIn.statusCode()));
        String csrf = cookie(signedIn, "XSRF-TOKEN").orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
        return new Session(SessionCookie.NAME + "=" + session + "; XSRF-TOKEN=" + csrf, csrf);
    }

    static List<String> setCookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie");
    }

    /** The value a browser keeps: the last of the response's cookies of that name. */
    static Optional<String> cookie(HttpResponse<?> response, String name) {
        return setCookies(response).stream()
                .filter(header -> header.startsWith(name + "="))
                .map(header -> header.substring(name.length() + 1).split(";", 2)[0])
                .reduce((earlier, later) -> later)
                .filter(value -> !value.isEmpty());
    }

    /** A GraphQL call with the session, with or without the CSRF token the app adds. */
    HttpResponse<String> graphql(Session session, String body, boolean withCsrfToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Cookie", session.cookies())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (withCsrfToken) {
            request.header("X-XSRF-TOKEN", session.csrfToken());
        }
        return send(request);
    }

    HttpResponse<String> me(Session session) throws Exception {
        return graphql(session, ME, true);
    }

    HttpResponse<String> signOut(Session session) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/session"))
                .header("Cookie", session.cookies())
                .header("X-XSRF-TOKEN", session.csrfToken())
                .DELETE());
    }

    HttpResponse<String> basic(String username, String password, String body) throws Exception {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

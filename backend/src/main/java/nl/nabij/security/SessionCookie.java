package nl.nabij.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The cookie that carries a session's id: HttpOnly, so no script reads it; SameSite=Strict, so no other site's page
 * sends it; Secure, so it never travels unencrypted. Only for a plain-http request from this machine, the embedded
 * demo, is Secure left out, and only while {@link SessionProperties#plainHttpOnLoopback()} allows it. It has no
 * Max-Age: it ends with the browser, and the server ends the session itself.
 */
@Component
class SessionCookie {

    static final String NAME = "nabij-session";

    private final SessionProperties properties;

    SessionCookie(SessionProperties properties) {
        this.properties = properties;
    }

    static Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null
                ? Optional.empty()
                : Arrays.stream(cookies)
                        .filter(cookie -> NAME.equals(cookie.getName())
                                && !cookie.getValue().isEmpty())
                        .map(Cookie::getValue)
                        .findFirst();
    }

    void write(HttpServletRequest request, HttpServletResponse response, String sessionId) {
        response.addHeader(
                HttpHeaders.SET_COOKIE, cookie(request, sessionId).build().toString());
    }

    void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(
                HttpHeaders.SET_COOKIE, cookie(request, "").maxAge(0).build().toString());
    }

    private ResponseCookie.ResponseCookieBuilder cookie(HttpServletRequest request, String value) {
        boolean plainLoopback = properties.plainHttpOnLoopback() && !request.isSecure() && loopback(request);
        return ResponseCookie.from(NAME, value)
                .httpOnly(true)
                .secure(!plainLoopback)
                .sameSite("Strict")
                .path("/");
    }

    private static boolean loopback(HttpServletRequest request) {
        try {
            // The remote address is a literal, so this looks nothing up.
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }
}

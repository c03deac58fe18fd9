package nl.nabij.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web app signs in once and then holds a session ({@link SessionStore}, {@link SessionCookie}).
 * {@code POST /session} with a built-in account's {@code {"username", "password"}} as JSON, or with the identity
 * provider's access token as {@code Authorization: Bearer}, starts one and answers who is signed in;
 * {@code DELETE /session} ends it. The JSON body, or the Authorization header, cannot come from another site's form,
 * so no other site can sign a browser in under its own account.
 */
@RestController
class SessionController {

    /** What the web app needs to choose its screens, as {@code me} answers it. */
    record SignedIn(String username, Role role, String professionalId) {}

    record Credentials(String username, String password) {}

    private final PasswordSignIn passwords;
    private final SessionStore sessions;
    private final SessionCookie cookie;
    private final CsrfTokenRepository csrfTokens;

    SessionController(
            PasswordSignIn passwords, SessionStore sessions, SessionCookie cookie, CsrfTokenRepository csrfTokens) {
        this.passwords = passwords;
        this.sessions = sessions;
        this.cookie = cookie;
        this.csrfTokens = csrfTokens;
    }

    @PostMapping("/session")
    SignedIn signIn(
            @RequestBody(required = false) Credentials credentials,
            HttpServletRequest request,
            HttpServletResponse response) {
        String id;
        NabijUser user;
        Authentication token = SecurityContextHolder.getContext().getAuthentication();
        if (credentials != null && credentials.username() != null && credentials.password() != null) {
            user = passwords.signIn(credentials.username(), credentials.password(), request.getRemoteAddr());
            id = sessions.start(user, true, Optional.empty());
        } else if (token != null && token.getPrincipal() instanceof Jwt jwt) {
            user = CurrentUser.fromPrincipal(jwt);
            id = sessions.start(user, false, Optional.ofNullable(jwt.getExpiresAt()));
        } else {
            throw new BadCredentialsException("no credentials to sign in with");
        }
        cookie.write(request, response, id);
        // A token planted before sign-in (by another site's cookie, say) is worth nothing afterwards.
        csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
        return new SignedIn(user.username(), user.role(), user.professionalId());
    }

    @DeleteMapping("/session")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void signOut(HttpServletRequest request, HttpServletResponse response) {
        SessionCookie.read(request).ifPresent(sessions::end);
        cookie.clear(request, response);
    }

    @ExceptionHandler(BadCredentialsException.class)
    @ResponseStatus(HttpStatus.UNAUTHORIZED)
    void wrongCredentials() {
        // A bare 401: which of name and password was wrong is not told.
    }

    @ExceptionHandler(SignInRefused.class)
    void refused(SignInRefused refused, HttpServletResponse response) throws IOException {
        refused.write(response);
    }
}

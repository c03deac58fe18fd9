package nl.nabij.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in attempt that was not checked at all: the account or the client address must wait or is locked (429), or
 * every password check is busy (503). Either way the answer says when to try again.
 */
public final class SignInRefused extends AuthenticationException {

    private final int status;
    private final String code;
    private final Duration retryAfter;

    private SignInRefused(int status, String code, Duration retryAfter, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    static SignInRefused waiting(Duration retryAfter, boolean locked) {
        return locked
                ? new SignInRefused(
                        429,
                        "SIGN_IN_LOCKED",
                        retryAfter,
                        "Too many wrong passwords; signing in is locked for a while.")
                : new SignInRefused(
                        429, "SIGN_IN_DELAYED", retryAfter, "Too many wrong passwords; wait before trying again.");
    }

    static SignInRefused busy() {
        return new SignInRefused(
                503, "SIGN_IN_BUSY", Duration.ofSeconds(1), "Too many sign-ins at once; try again in a moment.");
    }

    /** Whole seconds, rounded up, as {@code Retry-After} states them. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    void write(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds()));
        response.setContentType("application/json");
        response.getWriter()
                .write("{\"errors\":[{\"message\":\"" + getMessage() + "\",\"extensions\":{\"code\":\"" + code
                        + "\",\"retryAfter\":" + retryAfterSeconds() + "}}]}");
    }
}

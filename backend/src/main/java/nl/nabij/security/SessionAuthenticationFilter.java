package nl.nabij.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a request in with its session cookie, looked up in {@link SessionStore}: no password is checked after
 * sign-in. Credentials a request carries itself (Basic, Bearer) take precedence. A cookie of a session that has ended
 * signs nothing in: the request goes on without a user and is answered 401 where it needs one.
 */
class SessionAuthenticationFilter extends OncePerRequestFilter {

    private final SessionStore sessions;

    SessionAuthenticationFilter(SessionStore sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            SessionCookie.read(request).flatMap(sessions::use).ifPresent(user -> {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new PreAuthenticatedAuthenticationToken(
                        user, null, PasswordAuthenticationProvider.authorities(user)));
                SecurityContextHolder.setContext(context);
            });
        }
        chain.doFilter(request, response);
    }
}

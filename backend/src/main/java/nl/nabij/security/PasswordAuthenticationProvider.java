package nl.nabij.security;

import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic for scripts ({@code nabij.sign-in.basic-auth}), checked and throttled by {@link PasswordSignIn} like
 * every other sign-in. The only authentication provider of its kind, so Spring Security checks no password itself.
 */
@Component
class PasswordAuthenticationProvider implements AuthenticationProvider {

    private final PasswordSignIn signIn;

    PasswordAuthenticationProvider(PasswordSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : "unknown";
        NabijUser user;
        try {
            user = signIn.signIn(attempt.getName(), String.valueOf(attempt.getCredentials()), address);
        } catch (AuthenticationException refused) {
            throw refused;
        } catch (RuntimeException unreachable) {
            // The database is away: no wrong password, and the entry point answers 503 for it.
            throw new InternalAuthenticationServiceException("the accounts cannot be read", unreachable);
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities(user));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    static List<GrantedAuthority> authorities(NabijUser user) {
        return List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
    }
}

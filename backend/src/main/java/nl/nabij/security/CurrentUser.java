package nl.nabij.security;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/** The user of the request being served: from a built-in account, a web app session or a JWT's claims. */
@Component
public class CurrentUser {

    /** The GraphQL context key of the client address a request came from, for the audit trail. */
    public static final String ORIGIN = "nabij.origin";

    /** The claim carrying the Nabij role in tokens from the identity provider. */
    static final String ROLE_CLAIM = "nabij_role";
    /** The claim carrying the id of the professional the user acts as. */
    static final String PROFESSIONAL_CLAIM = "nabij_professional";
    /** The claim carrying the id of the resident the user is. */
    static final String RESIDENT_CLAIM = "nabij_resident";
    /** The claim carrying the id of the organisation the user works for. */
    static final String ORGANISATION_CLAIM = "nabij_organisation";

    public NabijUser get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            throw new AuthenticationCredentialsNotFoundException("not signed in");
        }
        return fromPrincipal(authentication.getPrincipal());
    }

    /**
     * The role a token names. A token without one, or with a role Nabij does not know, is an invalid token (HTTP 401),
     * not a failure of the application: identity providers are configured by hand, and a missing mapper is common.
     */
    static Role roleOf(Jwt jwt) {
        String role = jwt.getClaimAsString(ROLE_CLAIM);
        try {
            return Role.valueOf(role == null ? "" : role);
        } catch (IllegalArgumentException e) {
            throw new InvalidBearerTokenException("the token names no Nabij role in its " + ROLE_CLAIM + " claim");
        }
    }

    static NabijUser fromPrincipal(Object principal) {
        if (principal instanceof NabijUser user) {
            return user;
        }
        if (principal instanceof Jwt jwt) {
            return new NabijUser(
                    jwt.getSubject(),
                    roleOf(jwt),
                    jwt.getClaimAsString(PROFESSIONAL_CLAIM),
                    jwt.getClaimAsString(RESIDENT_CLAIM),
                    jwt.getClaimAsString(ORGANISATION_CLAIM));
        }
        throw new AuthenticationCredentialsNotFoundException("not signed in as a Nabij user");
    }
}

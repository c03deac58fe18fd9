package nl.nabij.security;

/**
 * The signed-in user as the access rules need them, whether they came with a built-in account or a token from the
 * municipality's identity provider.
 *
 * @param professionalId the professional they act as (professionals and team leads), otherwise null
 * @param residentId the resident they are (residents), otherwise null
 * @param organisationId the organisation they work for, recorded in every audit event; null when none applies
 */
public record NabijUser(String username, Role role, String professionalId, String residentId, String organisationId) {

    /** The node the user's household scope starts from: their professional or resident id. */
    public String scopeId() {
        return role == Role.RESIDENT ? residentId : professionalId;
    }
}

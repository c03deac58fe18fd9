package nl.nabij.account;

import nl.nabij.security.Role;
import org.neo4j.driver.types.MapAccessor;

/**
 * A built-in account as the administrator sees it: never its password hash, and of a resident's account only that
 * it is one.
 *
 * @param role the role it signs in with; null while the grant of its role awaits a second administrator, or after
 *     that grant was rejected
 * @param professionalId the professional it acts as, for professionals and team leads
 * @param organisationId the organisation it works for: the professional's employer, or as set for other staff
 */
record Account(
        String username,
        Role role,
        boolean enabled,
        String professionalId,
        String organisationId,
        boolean forResident) {

    static Account from(MapAccessor value) {
        return new Account(
                value.get("username").asString(),
                value.get("role").isNull()
                        ? null
                        : Role.valueOf(value.get("role").asString()),
                value.get("enabled").asBoolean(false),
                value.get("professionalId").asString(null),
                value.get("organisationId").asString(null),
                value.get("forResident").asBoolean(false));
    }
}

package nl.nabij.account;

import nl.nabij.security.Role;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;

/**
 * An administrator's request for a role that needs a second administrator, or for a new password on an account with
 * such a role; see docs/explanation/separation-of-duties.md.
 *
 * @param account the username of the account it is for
 * @param professionalId the professional the account acts as (PROFESSIONAL, TEAM_LEAD)
 * @param teamId the team that professional is seconded to (TEAM_LEAD)
 * @param organisationId the organisation the account works for, when one was named (ADMINISTRATOR, AUDITOR)
 * @param requestedAt when it was asked for, in UTC (ISO-8601)
 */
record AccountGrant(
        String id,
        String account,
        Kind kind,
        Role role,
        String professionalId,
        String teamId,
        String organisationId,
        Status status,
        String requestedBy,
        String requestedAt,
        String decidedBy,
        String decidedAt) {

    /** What a grant gives. */
    enum Kind {
        ROLE,
        PASSWORD_RESET
    }

    /** Where a grant stands. */
    enum Status {
        PENDING,
        APPROVED,
        REJECTED
    }

    static AccountGrant from(MapAccessor value) {
        return new AccountGrant(
                value.get("id").asString(),
                value.get("account").asString(),
                Kind.valueOf(value.get("kind").asString()),
                Role.valueOf(value.get("role").asString()),
                value.get("professionalId").asString(null),
                value.get("teamId").asString(null),
                value.get("organisationId").asString(null),
                Status.valueOf(value.get("status").asString()),
                value.get("requestedBy").asString(),
                instant(value.get("requestedAt")),
                value.get("decidedBy").asString(null),
                instant(value.get("decidedAt")));
    }

    /** Names the grant whole in an audit event: account, role, scope and the people who asked and decided. */
    AccountBasis basis() {
        return new AccountBasis()
                .with("grant", id)
                .with("kind", kind)
                .with("account", account)
                .with("role", role)
                .with("professional", professionalId)
                .with("team", teamId)
                .with("organisation", organisationId)
                .with("status", status)
                .with("requested-by", requestedBy)
                .with(status == Status.REJECTED ? "rejected-by" : "approved-by", decidedBy);
    }

    private static String instant(Value value) {
        return value.isNull() ? null : value.asZonedDateTime().toInstant().toString();
    }
}

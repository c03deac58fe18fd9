package nl.nabij.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.nabij.api.Ids;
import nl.nabij.api.InputError;
import nl.nabij.api.Paging;
import nl.nabij.audit.AuditEntry;
import nl.nabij.audit.AuditTrail;
import nl.nabij.database.GraphQueries;
import nl.nabij.security.NabijUser;
import org.springframework.data.domain.Window;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second administrator's part (docs/explanation/separation-of-duties.md): approving or rejecting a pending grant, and the
 * lists of grants for administrators and auditors. An approval checks the grant against the graph once more, as the
 * facts may have changed since it was asked for; the decision and its audit event are written in one transaction.
 */
@Service
class AccountGrants {

    /** A pending grant, with what the graph says about it now. */
    private static final String PENDING =
            """
            MATCH (a:Account)-[:HAS_GRANT]->(g:AccountGrant {id: $grantId, status: 'PENDING'})
            RETURN g {.id, .kind, .role, .professionalId, .teamId, .organisationId, .status, .requestedBy, .decidedBy,
                      .requestedAt, .decidedAt, account: a.username} AS grant,
                   g.professionalId IS NULL OR EXISTS { MATCH (:Professional {id: g.professionalId}) }
                     AS professionalKnown,
                   g.teamId IS NULL
                     OR EXISTS { MATCH (:Professional {id: g.professionalId})-[:SECONDED_TO]->(:Team {id: g.teamId}) }
                     AS seconded,
                   g.kind <> 'ROLE' OR g.professionalId IS NULL
                     OR NOT EXISTS { MATCH (:Professional {id: g.professionalId})<-[:ACTS_AS]-(:Account) }
                     AS professionalWithoutAccount
            """;

    /**
     * Puts a grant into effect: the account's role and scope, or its new password. It locks the grant before it reads
     * the status, so an approval and a rejection at the same moment cannot both take effect.
     */
    private static final String APPROVE =
            """
            MATCH (a:Account)-[:HAS_GRANT]->(g:AccountGrant {id: $grantId})
            SET g.locked = true REMOVE g.locked
            WITH a, g WHERE g.status = 'PENDING'
            SET g.status = 'APPROVED', g.decidedBy = $decidedBy, g.decidedAt = datetime($now),
                a.passwordHash = coalesce(g.passwordHash, a.passwordHash),
                a.role = CASE g.kind WHEN 'ROLE' THEN g.role ELSE a.role END
            REMOVE g.passwordHash
            WITH a, g
            OPTIONAL MATCH (p:Professional {id: g.professionalId}) WHERE g.kind = 'ROLE'
            OPTIONAL MATCH (o:Organisation {id: g.organisationId}) WHERE g.kind = 'ROLE'
            FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | MERGE (a)-[:ACTS_AS]->(p))
            FOREACH (_ IN CASE WHEN o IS NULL THEN [] ELSE [1] END | MERGE (a)-[:WORKS_FOR]->(o))
            WITH a, g
            RETURN g {.id, .kind, .role, .professionalId, .teamId, .organisationId, .status, .requestedBy, .decidedBy,
                      .requestedAt, .decidedAt, account: a.username} AS grant
            """;

    private static final String REJECT =
            """
            MATCH (a:Account)-[:HAS_GRANT]->(g:AccountGrant {id: $grantId})
            SET g.locked = true REMOVE g.locked
            WITH a, g WHERE g.status = 'PENDING'
            SET g.status = 'REJECTED', g.decidedBy = $decidedBy, g.decidedAt = datetime($now)
            REMOVE g.passwordHash
            RETURN g {.id, .kind, .role, .professionalId, .teamId, .organisationId, .status, .requestedBy, .decidedBy,
                      .requestedAt, .decidedAt, account: a.username} AS grant
            """;

    private static final String OF_ACCOUNTS =
            """
            UNWIND $keys AS key
            MATCH (a:Account {username: key})-[:HAS_GRANT]->(g:AccountGrant)
            WITH key, a, g ORDER BY g.requestedAt, g.id
            RETURN key, g {.id, .kind, .role, .professionalId, .teamId, .organisationId, .status, .requestedBy, .decidedBy,
                           .requestedAt, .decidedAt, account: a.username} AS value
            """;

    private static final String ALL = "MATCH (a:Account)-[:HAS_GRANT]->(g:AccountGrant)";
    private static final String WITH_STATUS = "MATCH (a:Account)-[:HAS_GRANT]->(g:AccountGrant {status: $status})";
    /** Sorts by the moment asked for; epoch milliseconds have 13 digits until the year 2286, so they sort as text. */
    private static final String REQUESTED_AT = "toString(g.requestedAt.epochMillis)";

    private final Neo4jClient client;
    private final GraphQueries queries;
    private final AuditTrail trail;
    private final Clock clock;

    AccountGrants(Neo4jClient client, GraphQueries queries, AuditTrail trail, Clock clock) {
        this.client = client;
        this.queries = queries;
        this.trail = trail;
        this.clock = clock;
    }

    /** A pending grant and whether the graph still supports it. */
    private record Pending(
            AccountGrant grant, boolean professionalKnown, boolean seconded, boolean professionalWithoutAccount) {}

    /** The result of a decision: the grant as it now stands, or the errors that stopped it. */
    record Payload(AccountGrant grant, List<InputError> errors) {

        static Payload failed(InputError error) {
            return new Payload(null, List.of(error));
        }
    }

    Window<AccountGrant> grants(AccountGrant.Status status, ScrollSubrange subrange) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("status", status == null ? null : status.name());
        return queries.page(
                status == null ? ALL : WITH_STATUS,
                REQUESTED_AT,
                "g.id",
                AccountGrant.PROJECTION,
                parameters,
                subrange,
                AccountGrant::from,
                grant -> new Paging.Position(
                        String.valueOf(Instant.parse(grant.requestedAt()).toEpochMilli()), grant.id()));
    }

    Map<Account, List<AccountGrant>> of(Collection<Account> accounts) {
        return queries.many(OF_ACCOUNTS, accounts, Account::username, AccountGrant::from);
    }

    /**
     * Approves a pending grant. Refused to the administrator who asked for it and to the account's own user
     * (SAME_PERSON), and when the graph no longer supports it; a refusal changes nothing.
     */
    @Transactional
    Payload approve(NabijUser administrator, String grantId, String origin) {
        String id = Ids.canonicalUuid(grantId);
        if (id == null) {
            return Payload.failed(new InputError("grantId", "MALFORMED_ID", "grantId must be a UUID"));
        }
        Optional<Pending> pending = client.query(PENDING)
                .bind(id)
                .to("grantId")
                .fetchAs(Pending.class)
                .mappedBy((types, row) -> new Pending(
                        AccountGrant.from(row.get("grant")),
                        row.get("professionalKnown").asBoolean(),
                        row.get("seconded").asBoolean(),
                        row.get("professionalWithoutAccount").asBoolean()))
                .one();
        if (pending.isEmpty()) {
            return noSuchGrant();
        }
        AccountGrant grant = pending.get().grant();
        String me = administrator.username();
        if (me.equals(grant.requestedBy()) || me.equals(grant.account())) {
            return Payload.failed(new InputError(
                    "grantId",
                    "SAME_PERSON",
                    "a grant is approved by another administrator than the one who asked, for another account"));
        }
        if (!pending.get().professionalKnown()) {
            return Payload.failed(
                    new InputError("grantId", "UNKNOWN_PROFESSIONAL", "the grant's professional no longer exists"));
        }
        if (!pending.get().seconded()) {
            return Payload.failed(new InputError(
                    "grantId", "NOT_IN_TEAM", "the grant's professional is no longer seconded to its team"));
        }
        if (!pending.get().professionalWithoutAccount()) {
            return Payload.failed(new InputError(
                    "grantId", "PROFESSIONAL_HAS_ACCOUNT", "the grant's professional has an account by now"));
        }
        return decided(APPROVE, id, administrator, origin, "account-grant-approve");
    }

    /**
     * Rejects a pending grant. Any administrator may, the one who asked included: taking access back needs no second
     * person.
     */
    @Transactional
    Payload reject(NabijUser administrator, String grantId, String origin) {
        String id = Ids.canonicalUuid(grantId);
        if (id == null) {
            return Payload.failed(new InputError("grantId", "MALFORMED_ID", "grantId must be a UUID"));
        }
        return decided(REJECT, id, administrator, origin, "account-grant-reject");
    }

    private Payload decided(String cypher, String grantId, NabijUser administrator, String origin, String purpose) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("grantId", grantId);
        parameters.put("decidedBy", administrator.username());
        parameters.put("now", clock.instant().toString());
        return client.query(cypher)
                .bindAll(parameters)
                .fetchAs(AccountGrant.class)
                .mappedBy((types, row) -> AccountGrant.from(row.get("grant")))
                .one()
                .map(grant -> {
                    trail.append(
                            administrator,
                            origin,
                            List.of(new AuditEntry(
                                    "CHANGE", true, purpose, grant.basis().toString(), List.of())));
                    return new Payload(grant, List.of());
                })
                .orElseGet(AccountGrants::noSuchGrant);
    }

    private static Payload noSuchGrant() {
        return Payload.failed(new InputError("grantId", "NO_SUCH_GRANT", "no pending grant has this id"));
    }
}

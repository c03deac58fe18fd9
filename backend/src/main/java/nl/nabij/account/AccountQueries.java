package nl.nabij.account;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.nabij.api.Paging;
import nl.nabij.database.GraphQueries;
import nl.nabij.directory.Organisation;
import nl.nabij.directory.Professional;
import org.springframework.data.domain.Window;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Component;

/**
 * The account feature's Cypher: the lists of accounts and grants, the facts a new account and a grant's approval are
 * checked against, the writes of accounts, passwords and grants, and the reads of the directory an account is tied
 * to. Writes run in the caller's transaction.
 */
@Component
class AccountQueries {

    private static final String PROFESSIONAL =
            """
            UNWIND $keys AS key
            MATCH (p:Professional {id: key})
            RETURN key, p AS value
            """;

    private static final String ORGANISATION =
            """
            UNWIND $keys AS key
            MATCH (o:Organisation {id: key})
            RETURN key, o AS value
            """;

    private static final String ACCOUNTS = "MATCH (a:Account)";

    /** The account projection; {@code a} is the account node. */
    private static final String ACCOUNT_PROJECTION =
            """
            a {.username, .role, .enabled,
               professionalId: head([(a)-[:ACTS_AS]->(p:Professional) | p.id]),
               organisationId: head([(a)-[:WORKS_FOR]->(o:Organisation) | o.id]
                                    + [(a)-[:ACTS_AS]->(:Professional)-[:EMPLOYED_BY]->(e:Organisation) | e.id]),
               forResident: EXISTS { (a)-[:IS]->(:Resident) }}""";

    private static final String ALL_GRANTS = "MATCH (a:Account)-[:HAS_GRANT]->(g:AccountGrant)";
    private static final String GRANTS_WITH_STATUS =
            "MATCH (a:Account)-[:HAS_GRANT]->(g:AccountGrant {status: $status})";
    /** Sorts by the moment asked for; epoch milliseconds have 13 digits until the year 2286, so they sort as text. */
    private static final String REQUESTED_AT = "toString(g.requestedAt.epochMillis)";

    /** The grant projection; {@code g} is the grant node and {@code a} its account. */
    private static final String GRANT_PROJECTION =
            """
            g {.id, .kind, .role, .professionalId, .teamId, .organisationId, .status, .requestedBy, .decidedBy,
               .requestedAt, .decidedAt, account: a.username}""";

    /**
     * What a new account's grant is checked against: the graph's facts, not the administrator's word. A professional
     * has one account at most, so a second one cannot read in their name.
     */
    private static final String CREATION_FACTS =
            """
            RETURN EXISTS { MATCH (:Account {username: $username}) } AS usernameTaken,
                   EXISTS { MATCH (:Professional {id: $professionalId}) } AS professionalKnown,
                   EXISTS { MATCH (:Professional {id: $professionalId})<-[:ACTS_AS]-(:Account) }
                     OR EXISTS { MATCH (:AccountGrant {professionalId: $professionalId, kind: 'ROLE', status: 'PENDING'}) }
                     AS professionalHasAccount,
                   EXISTS { MATCH (:Team {id: $teamId}) } AS teamKnown,
                   EXISTS { MATCH (:Professional {id: $professionalId})-[:SECONDED_TO]->(:Team {id: $teamId}) }
                     AS seconded,
                   EXISTS { MATCH (:Organisation {id: $organisationId}) } AS organisationKnown
            """;

    /** An account whose role one administrator may give: it works at once. */
    private static final String CREATE_ACCOUNT =
            """
            CREATE (a:Account {username: $username, role: $role, passwordHash: $hash, enabled: true,
                               createdBy: $requestedBy, clientMutationId: $clientMutationId})
            WITH a
            OPTIONAL MATCH (o:Organisation {id: $organisationId})
            FOREACH (_ IN CASE WHEN o IS NULL THEN [] ELSE [1] END | CREATE (a)-[:WORKS_FOR]->(o))
            WITH a
            RETURN a {.username, .role, .enabled,
                      professionalId: head([(a)-[:ACTS_AS]->(p:Professional) | p.id]),
                      organisationId: head([(a)-[:WORKS_FOR]->(o:Organisation) | o.id]
                                           + [(a)-[:ACTS_AS]->(:Professional)-[:EMPLOYED_BY]->(e:Organisation) | e.id]),
                      forResident: EXISTS { (a)-[:IS]->(:Resident) }} AS value, null AS grant, null AS pseudonym
            """;

    /** An account without a role, and the grant of its role, which waits for a second administrator. */
    private static final String CREATE_PENDING_ACCOUNT =
            """
            CREATE (a:Account {username: $username, passwordHash: $hash, enabled: true,
                               createdBy: $requestedBy, clientMutationId: $clientMutationId})
            CREATE (a)-[:HAS_GRANT]->(g:AccountGrant {id: $grantId, kind: 'ROLE', role: $role, status: 'PENDING',
                    professionalId: $professionalId, teamId: $teamId, organisationId: $organisationId,
                    requestedBy: $requestedBy, requestedAt: datetime($now)})
            RETURN a {.username, .role, .enabled,
                      professionalId: head([(a)-[:ACTS_AS]->(p:Professional) | p.id]),
                      organisationId: head([(a)-[:WORKS_FOR]->(o:Organisation) | o.id]
                                           + [(a)-[:ACTS_AS]->(:Professional)-[:EMPLOYED_BY]->(e:Organisation) | e.id]),
                      forResident: EXISTS { (a)-[:IS]->(:Resident) }} AS value, g {.id, .kind, .role, .professionalId, .teamId, .organisationId, .status, .requestedBy, .decidedBy,
                                   .requestedAt, .decidedAt, account: a.username} AS grant, null AS pseudonym
            """;

    /** The account an earlier call of this administrator with the same key made, with the grant it asked for. */
    private static final String CREATED_BEFORE =
            """
            MATCH (a:Account {username: $username})
            WHERE a.createdBy = $requestedBy AND a.clientMutationId = $clientMutationId
            OPTIONAL MATCH (a)-[:HAS_GRANT]->(g:AccountGrant {kind: 'ROLE'})
            RETURN a {.username, .role, .enabled,
                      professionalId: head([(a)-[:ACTS_AS]->(p:Professional) | p.id]),
                      organisationId: head([(a)-[:WORKS_FOR]->(o:Organisation) | o.id]
                                           + [(a)-[:ACTS_AS]->(:Professional)-[:EMPLOYED_BY]->(e:Organisation) | e.id]),
                      forResident: EXISTS { (a)-[:IS]->(:Resident) }} AS value, CASE WHEN g IS NULL THEN null ELSE g {.id, .kind, .role, .professionalId, .teamId, .organisationId, .status, .requestedBy, .decidedBy,
                                                                      .requestedAt, .decidedAt, account: a.username} END AS grant, null AS pseudonym
            """;

    private static final String SET_ENABLED =
            """
            MATCH (a:Account {username: $username})
            SET a.enabled = $enabled
            RETURN a {.username, .role, .enabled,
                      professionalId: head([(a)-[:ACTS_AS]->(p:Professional) | p.id]),
                      organisationId: head([(a)-[:WORKS_FOR]->(o:Organisation) | o.id]
                                           + [(a)-[:ACTS_AS]->(:Professional)-[:EMPLOYED_BY]->(e:Organisation) | e.id]),
                      forResident: EXISTS { (a)-[:IS]->(:Resident) }} AS value, null AS grant, head([(a)-[:IS]->(r:Resident) | r.pseudonym]) AS pseudonym
            """;

    /** Whether a new password for this account needs a second administrator, and whether one is already asked. */
    private static final String PASSWORD_RULE =
            """
            MATCH (a:Account {username: $username})
            RETURN a.role IS NOT NULL AND a.role IN $needsApproval AS needsApproval,
                   EXISTS { (a)-[:HAS_GRANT]->(:AccountGrant {kind: 'ROLE', status: 'PENDING'}) } AS rolePending
            """;

    private static final String SET_PASSWORD =
            """
            MATCH (a:Account {username: $username})
            SET a.passwordHash = $hash
            RETURN a {.username, .role, .enabled,
                      professionalId: head([(a)-[:ACTS_AS]->(p:Professional) | p.id]),
                      organisationId: head([(a)-[:WORKS_FOR]->(o:Organisation) | o.id]
                                           + [(a)-[:ACTS_AS]->(:Professional)-[:EMPLOYED_BY]->(e:Organisation) | e.id]),
                      forResident: EXISTS { (a)-[:IS]->(:Resident) }} AS value, null AS grant, head([(a)-[:IS]->(r:Resident) | r.pseudonym]) AS pseudonym
            """;

    /** A new password that waits for a second administrator; the old one keeps working until then. */
    private static final String REQUEST_PASSWORD =
            """
            MATCH (a:Account {username: $username})
            CREATE (a)-[:HAS_GRANT]->(g:AccountGrant {id: $grantId, kind: 'PASSWORD_RESET', role: a.role,
                    status: 'PENDING', passwordHash: $hash,
                    professionalId: head([(a)-[:ACTS_AS]->(p:Professional) | p.id]),
                    organisationId: head([(a)-[:WORKS_FOR]->(o:Organisation) | o.id]),
                    requestedBy: $requestedBy, requestedAt: datetime($now)})
            RETURN a {.username, .role, .enabled,
                      professionalId: head([(a)-[:ACTS_AS]->(p:Professional) | p.id]),
                      organisationId: head([(a)-[:WORKS_FOR]->(o:Organisation) | o.id]
                                           + [(a)-[:ACTS_AS]->(:Professional)-[:EMPLOYED_BY]->(e:Organisation) | e.id]),
                      forResident: EXISTS { (a)-[:IS]->(:Resident) }} AS value, g {.id, .kind, .role, .professionalId, .teamId, .organisationId, .status, .requestedBy, .decidedBy,
                                   .requestedAt, .decidedAt, account: a.username} AS grant, null AS pseudonym
            """;

    /** A pending grant, with what the graph says about it now. */
    private static final String PENDING_GRANT =
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
    private static final String APPROVE_GRANT =
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

    private static final String REJECT_GRANT =
            """
            MATCH (a:Account)-[:HAS_GRANT]->(g:AccountGrant {id: $grantId})
            SET g.locked = true REMOVE g.locked
            WITH a, g WHERE g.status = 'PENDING'
            SET g.status = 'REJECTED', g.decidedBy = $decidedBy, g.decidedAt = datetime($now)
            REMOVE g.passwordHash
            RETURN g {.id, .kind, .role, .professionalId, .teamId, .organisationId, .status, .requestedBy, .decidedBy,
                      .requestedAt, .decidedAt, account: a.username} AS grant
            """;

    private static final String GRANTS_OF_ACCOUNTS =
            """
            UNWIND $keys AS key
            MATCH (a:Account {username: key})-[:HAS_GRANT]->(g:AccountGrant)
            WITH key, a, g ORDER BY g.requestedAt, g.id
            RETURN key, g {.id, .kind, .role, .professionalId, .teamId, .organisationId, .status, .requestedBy, .decidedBy,
                           .requestedAt, .decidedAt, account: a.username} AS value
            """;

    private final GraphQueries queries;
    private final Neo4jClient client;

    AccountQueries(GraphQueries queries, Neo4jClient client) {
        this.queries = queries;
        this.client = client;
    }

    /** Every account, by username. */
    Window<Account> accounts(ScrollSubrange subrange) {
        return queries.page(
                ACCOUNTS,
                "a.username",
                "a.username",
                ACCOUNT_PROJECTION,
                Map.of(),
                subrange,
                Account::from,
                account -> new Paging.Position(account.username(), account.username()));
    }

    /** The grants, all or those with this status, in the order they were asked for. */
    Window<AccountGrant> grants(AccountGrant.Status status, ScrollSubrange subrange) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("status", status == null ? null : status.name());
        return queries.page(
                status == null ? ALL_GRANTS : GRANTS_WITH_STATUS,
                REQUESTED_AT,
                "g.id",
                GRANT_PROJECTION,
                parameters,
                subrange,
                AccountGrant::from,
                grant -> new Paging.Position(
                        String.valueOf(Instant.parse(grant.requestedAt()).toEpochMilli()), grant.id()));
    }

    /** Each account's grants, in the order they were asked for. */
    Map<Account, List<AccountGrant>> grantsOf(Collection<Account> accounts) {
        return queries.many(GRANTS_OF_ACCOUNTS, accounts, Account::username, AccountGrant::from);
    }

    /** The professional each account acts as, for the accounts that act as one. */
    Map<Account, Professional> professionalsOf(List<Account> accounts) {
        return queries.one(
                PROFESSIONAL,
                accounts.stream().filter(a -> a.professionalId() != null).toList(),
                Account::professionalId,
                Professional::from);
    }

    /** The organisation each account works for, for the accounts that work for one. */
    Map<Account, Organisation> organisationsOf(List<Account> accounts) {
        return queries.one(
                ORGANISATION,
                accounts.stream().filter(a -> a.organisationId() != null).toList(),
                Account::organisationId,
                Organisation::from);
    }

    /**
     * A new account as the administrator asked for it, checked.
     *
     * @param role the role's name
     * @param passwordHash the password's hash, with the encoder's {@code {id}} prefix
     * @param requestedBy the username of the administrator who asked
     */
    record NewAccount(
            String username,
            String clientMutationId,
            String requestedBy,
            String role,
            String passwordHash,
            String professionalId,
            String teamId,
            String organisationId) {

        private Map<String, Object> parameters() {
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("username", username);
            parameters.put("clientMutationId", clientMutationId);
            parameters.put("requestedBy", requestedBy);
            parameters.put("role", role);
            parameters.put("hash", passwordHash);
            parameters.put("professionalId", professionalId);
            parameters.put("teamId", teamId);
            parameters.put("organisationId", organisationId);
            return parameters;
        }
    }

    /** What the graph says about the username, professional, team and organisation a new account names. */
    record CreationFacts(
            boolean usernameTaken,
            boolean professionalKnown,
            boolean professionalHasAccount,
            boolean teamKnown,
            boolean seconded,
            boolean organisationKnown) {}

    CreationFacts creationFacts(String username, String professionalId, String teamId, String organisationId) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("username", username);
        parameters.put("professionalId", professionalId);
        parameters.put("teamId", teamId);
        parameters.put("organisationId", organisationId);
        return client.query(CREATION_FACTS)
                .bindAll(parameters)
                .fetchAs(CreationFacts.class)
                .mappedBy((types, row) -> new CreationFacts(
                        row.get("usernameTaken").asBoolean(),
                        row.get("professionalKnown").asBoolean(),
                        row.get("professionalHasAccount").asBoolean(),
                        row.get("teamKnown").asBoolean(),
                        row.get("seconded").asBoolean(),
                        row.get("organisationKnown").asBoolean()))
                .one()
                .orElseThrow();
    }

    /**
     * An account and its grant as a write left them, with the pseudonym of the resident it belongs to, if any.
     *
     * @param grant the grant that waits for a second administrator, if the write asked for one
     */
    record Written(Account account, AccountGrant grant, String pseudonym) {}

    /** The account an earlier call of this administrator with this client mutation id made, with its grant. */
    Optional<Written> createdBefore(String username, String requestedBy, String clientMutationId) {
        return written(
                CREATED_BEFORE,
                Map.of("username", username, "requestedBy", requestedBy, "clientMutationId", clientMutationId));
    }

    /** Creates an account whose role works at once. */
    Optional<Written> create(NewAccount account) {
        return written(CREATE_ACCOUNT, account.parameters());
    }

    /** Creates an account without a role, and the grant of its role, pending as of {@code now}. */
    Optional<Written> createPending(NewAccount account, String grantId, Instant now) {
        Map<String, Object> parameters = account.parameters();
        parameters.put("grantId", grantId);
        parameters.put("now", now.toString());
        return written(CREATE_PENDING_ACCOUNT, parameters);
    }

    Optional<Written> setEnabled(String username, boolean enabled) {
        return written(SET_ENABLED, Map.of("username", username, "enabled", enabled));
    }

    /**
     * Whether a new password for an account needs a second administrator, and whether the grant of its role still
     * waits for one.
     */
    record PasswordRule(boolean needsApproval, boolean rolePending) {}

    /** The password rule of this account, if it exists; {@code needsApproval} names the roles that need approval. */
    Optional<PasswordRule> passwordRule(String username, List<String> needsApproval) {
        return client.query(PASSWORD_RULE)
                .bindAll(Map.of("username", username, "needsApproval", needsApproval))
                .fetchAs(PasswordRule.class)
                .mappedBy((types, row) -> new PasswordRule(
                        row.get("needsApproval").asBoolean(),
                        row.get("rolePending").asBoolean()))
                .one();
    }

    /** Sets the account's password hash at once. */
    Optional<Written> setPassword(String username, String passwordHash) {
        return written(SET_PASSWORD, Map.of("username", username, "hash", passwordHash));
    }

    /** Asks for a new password hash on the account, pending as of {@code now} until a second administrator approves. */
    Optional<Written> requestPassword(
            String username, String passwordHash, String grantId, String requestedBy, Instant now) {
        return written(
                REQUEST_PASSWORD,
                Map.of(
                        "username",
                        username,
                        "hash",
                        passwordHash,
                        "grantId",
                        grantId,
                        "requestedBy",
                        requestedBy,
                        "now",
                        now.toString()));
    }

    private Optional<Written> written(String cypher, Map<String, Object> parameters) {
        return client.query(cypher)
                .bindAll(parameters)
                .fetchAs(Written.class)
                .mappedBy((types, row) -> new Written(
                        Account.from(row.get("value")),
                        row.get("grant").isNull() ? null : AccountGrant.from(row.get("grant")),
                        row.get("pseudonym").asString(null)))
                .one();
    }

    /** A pending grant, and whether the graph still supports it. */
    record PendingGrant(
            AccountGrant grant, boolean professionalKnown, boolean seconded, boolean professionalWithoutAccount) {}

    Optional<PendingGrant> pendingGrant(String grantId) {
        return client.query(PENDING_GRANT)
                .bind(grantId)
                .to("grantId")
                .fetchAs(PendingGrant.class)
                .mappedBy((types, row) -> new PendingGrant(
                        AccountGrant.from(row.get("grant")),
                        row.get("professionalKnown").asBoolean(),
                        row.get("seconded").asBoolean(),
                        row.get("professionalWithoutAccount").asBoolean()))
                .one();
    }

    /** Puts a pending grant into effect, decided by this administrator at {@code now}; empty when none is pending. */
    Optional<AccountGrant> approve(String grantId, String decidedBy, Instant now) {
        return decided(APPROVE_GRANT, grantId, decidedBy, now);
    }

    /** Rejects a pending grant, decided by this administrator at {@code now}; empty when none is pending. */
    Optional<AccountGrant> reject(String grantId, String decidedBy, Instant now) {
        return decided(REJECT_GRANT, grantId, decidedBy, now);
    }

    private Optional<AccountGrant> decided(String cypher, String grantId, String decidedBy, Instant now) {
        return client.query(cypher)
                .bindAll(Map.of("grantId", grantId, "decidedBy", decidedBy, "now", now.toString()))
                .fetchAs(AccountGrant.class)
                .mappedBy((types, row) -> AccountGrant.from(row.get("grant")))
                .one();
    }
}

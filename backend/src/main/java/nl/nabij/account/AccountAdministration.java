package nl.nabij.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.nabij.api.ClientMutationIds;
import nl.nabij.api.Ids;
import nl.nabij.api.InputError;
import nl.nabij.api.Paging;
import nl.nabij.audit.AuditEntry;
import nl.nabij.audit.AuditTrail;
import nl.nabij.database.GraphQueries;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import nl.nabij.security.SessionStore;
import org.springframework.data.domain.Window;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's work on built-in accounts. Input is checked whole before anything is written; a change is
 * written with its audit event in one transaction. Passwords are stored only as Argon2id hashes.
 *
 * <p>No single administrator opens household data (docs/explanation/separation-of-duties.md): a role in {@link #NEEDS_APPROVAL},
 * and a new password on an account with such a role, is written as a pending {@link AccountGrant} that only a second
 * administrator can put into effect ({@link AccountGrants}). Resident accounts are not made here at all.
 */
@Service
class AccountAdministration {

    static final int SHORTEST_PASSWORD = 12;
    static final int LONGEST_PASSWORD = 128;

    /**
     * The roles one administrator cannot give alone: those that read households, and those that could approve a grant
     * or read the trail's pseudonyms. An administrator made by one administrator could approve their own requests.
     */
    static final Set<Role> NEEDS_APPROVAL =
            EnumSet.of(Role.PROFESSIONAL, Role.TEAM_LEAD, Role.ADMINISTRATOR, Role.AUDITOR);

    private static final Set<Role> ACTING_AS_PROFESSIONAL = EnumSet.of(Role.PROFESSIONAL, Role.TEAM_LEAD);

    /** The account projection; {@code a} is the account node. */
    static final String PROJECTION =
            """
            a {.username, .role, .enabled,
               professionalId: head([(a)-[:ACTS_AS]->(p:Professional) | p.id]),
               organisationId: head([(a)-[:WORKS_FOR]->(o:Organisation) | o.id]
                                    + [(a)-[:ACTS_AS]->(:Professional)-[:EMPLOYED_BY]->(e:Organisation) | e.id]),
               forResident: EXISTS { (a)-[:IS]->(:Resident) }}""";

    /**
     * What a new account's grant is checked against: the graph's facts, not the administrator's word. A professional
     * has one account at most, so a second one cannot read in their name.
     */
    private static final String LOOKUP =
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
    private static final String CREATE =
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
    private static final String CREATE_PENDING =
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

    private final Neo4jClient client;
    private final GraphQueries queries;
    private final PasswordEncoder passwords;
    private final AuditTrail trail;
    private final SessionStore sessions;
    private final Clock clock;

    AccountAdministration(
            Neo4jClient client,
            GraphQueries queries,
            PasswordEncoder passwords,
            AuditTrail trail,
            SessionStore sessions,
            Clock clock) {
        this.client = client;
        this.queries = queries;
        this.passwords = passwords;
        this.trail = trail;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * The result of an account mutation: the account as it now stands and the grant that waits for a second
     * administrator, if any; or the errors that stopped it.
     */
    record Payload(Account account, AccountGrant grant, List<InputError> errors) {

        static Payload failed(List<InputError> errors) {
            return new Payload(null, null, errors);
        }
    }

    /** An account and its grant as a mutation left them, with the pseudonym of the resident it belongs to, if any. */
    private record Written(Payload payload, String pseudonym) {}

    Window<Account> accounts(ScrollSubrange subrange) {
        return queries.page(
                "MATCH (a:Account)",
                "a.username",
                "a.username",
                PROJECTION,
                Map.of(),
                subrange,
                Account::from,
                account -> new Paging.Position(account.username(), account.username()));
    }

    @Transactional
    Payload create(NabijUser administrator, CreateAccountInput input, String origin) {
        String username = input.username() == null ? "" : input.username().strip();
        String clientMutationId = ClientMutationIds.normalised(input.clientMutationId());
        List<InputError> errors = new ArrayList<>(Usernames.errors("username", username));
        ClientMutationIds.problem(input.clientMutationId()).ifPresent(errors::add);
        if (errors.isEmpty() && clientMutationId != null) {
            // A retry whose first answer was lost gets the account it made, not USERNAME_TAKEN against itself.
            Optional<Written> before = written(
                    CREATED_BEFORE,
                    Map.of(
                            "username",
                            username,
                            "requestedBy",
                            administrator.username(),
                            "clientMutationId",
                            clientMutationId));
            if (before.isPresent()) {
                return before.get().payload();
            }
        }
        errors.addAll(passwordErrors("password", input.password(), username));
        if (input.role() == Role.RESIDENT) {
            errors.add(new InputError(
                    "role",
                    "RESIDENT_VIA_IDENTITY_PROVIDER",
                    "residents sign in at the identity provider, which asserts who they are; no account is made here"));
        }
        boolean actsAsProfessional = ACTING_AS_PROFESSIONAL.contains(input.role());
        String professionalId = Ids.canonicalUuid(input.professionalId());
        if (actsAsProfessional && input.professionalId() == null) {
            errors.add(new InputError(
                    "professionalId", "PROFESSIONAL_REQUIRED", "a " + input.role() + " acts as a professional"));
        } else if (!actsAsProfessional && input.professionalId() != null) {
            errors.add(
                    new InputError("professionalId", "NOT_FOR_ROLE", "only professionals and team leads act as one"));
        } else if (input.professionalId() != null && professionalId == null) {
            errors.add(new InputError("professionalId", "MALFORMED_ID", "professionalId must be a UUID"));
        }
        String teamId = Ids.canonicalUuid(input.teamId());
        if (input.role() == Role.TEAM_LEAD && input.teamId() == null) {
            errors.add(new InputError("teamId", "TEAM_REQUIRED", "a team lead leads a team"));
        } else if (input.role() != Role.TEAM_LEAD && input.teamId() != null) {
            errors.add(new InputError("teamId", "NOT_FOR_ROLE", "only a team lead's account names a team"));
        } else if (input.teamId() != null && teamId == null) {
            errors.add(new InputError("teamId", "MALFORMED_ID", "teamId must be a UUID"));
        }
        String organisationId = Ids.canonicalUuid(input.organisationId());
        if (input.organisationId() != null && actsAsProfessional) {
            errors.add(new InputError(
                    "organisationId", "NOT_FOR_ROLE", "a professional's organisation is their employer"));
        } else if (input.organisationId() != null && organisationId == null) {
            errors.add(new InputError("organisationId", "MALFORMED_ID", "organisationId must be a UUID"));
        }
        if (!errors.isEmpty()) {
            return Payload.failed(errors);
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("username", username);
        parameters.put("clientMutationId", clientMutationId);
        parameters.put("requestedBy", administrator.username());
        parameters.put("professionalId", professionalId);
        parameters.put("teamId", teamId);
        parameters.put("organisationId", organisationId);
        Map<String, Object> found =
                client.query(LOOKUP).bindAll(parameters).fetch().one().orElseThrow();
        if ((Boolean) found.get("usernameTaken")) {
            errors.add(new InputError("username", "USERNAME_TAKEN", "another account has this username"));
        }
        if (professionalId != null && !(Boolean) found.get("professionalKnown")) {
            errors.add(new InputError("professionalId", "UNKNOWN_PROFESSIONAL", "no professional has this id"));
        } else if (professionalId != null && (Boolean) found.get("professionalHasAccount")) {
            errors.add(new InputError(
                    "professionalId",
                    "PROFESSIONAL_HAS_ACCOUNT",
                    "this professional already has an account, or one awaits approval"));
        }
        if (teamId != null && !(Boolean) found.get("teamKnown")) {
            errors.add(new InputError("teamId", "UNKNOWN_TEAM", "no team has this id"));
        } else if (teamId != null && (Boolean) found.get("professionalKnown") && !(Boolean) found.get("seconded")) {
            errors.add(new InputError("teamId", "NOT_IN_TEAM", "the professional is not seconded to this team"));
        }
        if (organisationId != null && !(Boolean) found.get("organisationKnown")) {
            errors.add(new InputError("organisationId", "UNKNOWN_ORGANISATION", "no organisation has this id"));
        }
        if (!errors.isEmpty()) {
            return Payload.failed(errors);
        }
        parameters.put("role", input.role().name());
        parameters.put("hash", passwords.encode(input.password()));
        if (!NEEDS_APPROVAL.contains(input.role())) {
            return written(CREATE, parameters)
                    .map(written -> audited(
                            written,
                            administrator,
                            origin,
                            "account-create",
                            new AccountBasis()
                                    .with("account", username)
                                    .with("role", input.role())
                                    .with("organisation", organisationId)
                                    .with("requested-by", administrator.username())
                                    .with("approval", "single-administrator")))
                    .orElseThrow(() -> new IllegalStateException("the account was not written"));
        }
        parameters.put("grantId", UUID.randomUUID().toString());
        parameters.put("now", clock.instant().toString());
        return written(CREATE_PENDING, parameters)
                .map(written -> audited(
                        written,
                        administrator,
                        origin,
                        "account-create",
                        written.payload().grant().basis()))
                .orElseThrow(() -> new IllegalStateException("the account was not written"));
    }

    @Transactional
    Payload setEnabled(NabijUser administrator, String username, boolean enabled, String origin) {
        List<InputError> errors = Usernames.errors("username", username);
        if (!errors.isEmpty()) {
            return Payload.failed(errors);
        }
        if (!enabled && administrator.username().equals(username)) {
            return Payload.failed(List.of(new InputError(
                    "username", "OWN_ACCOUNT", "you cannot disable your own account; ask another administrator")));
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("username", username);
        parameters.put("enabled", enabled);
        if (!enabled) {
            // Signed-in browsers lose the account at once, on every instance, not when their sessions time out.
            sessions.endAllOf(username);
        }
        return written(SET_ENABLED, parameters)
                .map(written -> audited(
                        written,
                        administrator,
                        origin,
                        enabled ? "account-enable" : "account-disable",
                        new AccountBasis().with("account", username)))
                .orElseGet(AccountAdministration::unknownAccount);
    }

    @Transactional
    Payload resetPassword(NabijUser administrator, AccountInputs.ResetPassword input, String origin) {
        List<InputError> errors = new ArrayList<>(Usernames.errors("username", input.username()));
        errors.addAll(passwordErrors("newPassword", input.newPassword(), input.username()));
        if (!errors.isEmpty()) {
            return Payload.failed(errors);
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("username", input.username());
        parameters.put("needsApproval", NEEDS_APPROVAL.stream().map(Role::name).toList());
        Optional<Map<String, Object>> rule =
                client.query(PASSWORD_RULE).bindAll(parameters).fetch().one();
        if (rule.isEmpty()) {
            return unknownAccount();
        }
        if ((Boolean) rule.get().get("rolePending")) {
            return Payload.failed(List.of(new InputError(
                    "username",
                    "GRANT_PENDING",
                    "the account's role awaits approval; reject that grant and ask again instead")));
        }
        parameters.put("hash", passwords.encode(input.newPassword()));
        if (!(Boolean) rule.get().get("needsApproval")) {
            return written(SET_PASSWORD, parameters)
                    .map(written -> audited(
                            written,
                            administrator,
                            origin,
                            "account-password-reset",
                            new AccountBasis()
                                    .with("account", input.username())
                                    .with("requested-by", administrator.username())
                                    .with("approval", "single-administrator")))
                    .orElseGet(AccountAdministration::unknownAccount);
        }
        parameters.put("grantId", UUID.randomUUID().toString());
        parameters.put("requestedBy", administrator.username());
        parameters.put("now", clock.instant().toString());
        return written(REQUEST_PASSWORD, parameters)
                .map(written -> audited(
                        written,
                        administrator,
                        origin,
                        "account-password-reset",
                        written.payload().grant().basis()))
                .orElseGet(AccountAdministration::unknownAccount);
    }

    private Optional<Written> written(String cypher, Map<String, Object> parameters) {
        return client.query(cypher)
                .bindAll(parameters)
                .fetchAs(Written.class)
                .mappedBy((types, row) -> new Written(
                        new Payload(
                                Account.from(row.get("value")),
                                row.get("grant").isNull() ? null : AccountGrant.from(row.get("grant")),
                                List.of()),
                        row.get("pseudonym").asString(null)))
                .one();
    }

    /** Records the change in its transaction; a resident's account names the resident by pseudonym, never more. */
    private Payload audited(
            Written written, NabijUser administrator, String origin, String purpose, AccountBasis basis) {
        List<String> subjects = written.pseudonym() == null ? List.of() : List.of(written.pseudonym());
        trail.append(
                administrator, origin, List.of(new AuditEntry("CHANGE", true, purpose, basis.toString(), subjects)));
        return written.payload();
    }

    private static Payload unknownAccount() {
        return Payload.failed(List.of(new InputError("username", "UNKNOWN_ACCOUNT", "no account has this username")));
    }

    private static List<InputError> passwordErrors(String field, String password, String username) {
        if (password == null || password.length() < SHORTEST_PASSWORD) {
            return List.of(new InputError(
                    field, "PASSWORD_TOO_SHORT", "a password has at least " + SHORTEST_PASSWORD + " characters"));
        }
        if (password.length() > LONGEST_PASSWORD) {
            return List.of(new InputError(
                    field, "PASSWORD_TOO_LONG", "a password has at most " + LONGEST_PASSWORD + " characters"));
        }
        if (password.equalsIgnoreCase(username)) {
            return List.of(new InputError(field, "PASSWORD_IS_USERNAME", "a password must differ from the username"));
        }
        return List.of();
    }
}

package nl.nabij.account;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import nl.nabij.api.Connection;
import nl.nabij.api.Ids;
import nl.nabij.api.InputError;
import nl.nabij.api.PageRequest;
import nl.nabij.audit.AuditEntry;
import nl.nabij.audit.AuditTrail;
import nl.nabij.database.GraphQueries;
import nl.nabij.resident.Bsn;
import nl.nabij.resident.Pseudonymiser;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's work on built-in accounts. Input is checked whole before anything is written; a change is
 * written with its audit event in one transaction. Passwords are stored only as Argon2id hashes.
 */
@Service
class AccountAdministration {

    static final int SHORTEST_PASSWORD = 12;
    static final int LONGEST_PASSWORD = 128;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,63}");
    private static final Set<Role> ACTING_AS_PROFESSIONAL = EnumSet.of(Role.PROFESSIONAL, Role.TEAM_LEAD);
    private static final String BASIS = "account-administration";

    /** The account projection; {@code a} is the account node. */
    static final String PROJECTION =
            """
            a {.username, .role, .enabled,
               professionalId: head([(a)-[:ACTS_AS]->(p:Professional) | p.id]),
               organisationId: head([(a)-[:WORKS_FOR]->(o:Organisation) | o.id]
                                    + [(a)-[:ACTS_AS]->(:Professional)-[:EMPLOYED_BY]->(e:Organisation) | e.id]),
               forResident: EXISTS { (a)-[:IS]->(:Resident) }}""";

    private static final String LOOKUP =
            """
            OPTIONAL MATCH (r:Resident {pseudonym: $pseudonym})
            RETURN EXISTS { MATCH (:Account {username: $username}) } AS usernameTaken,
                   EXISTS { MATCH (:Professional {id: $professionalId}) } AS professionalKnown,
                   EXISTS { MATCH (:Organisation {id: $organisationId}) } AS organisationKnown,
                   r.id AS residentId
            """;

    private static final String CREATE =
            """
            CREATE (a:Account {username: $username, role: $role, passwordHash: $hash, enabled: true})
            WITH a
            OPTIONAL MATCH (p:Professional {id: $professionalId})
            OPTIONAL MATCH (r:Resident {id: $residentId})
            OPTIONAL MATCH (o:Organisation {id: $organisationId})
            FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | CREATE (a)-[:ACTS_AS]->(p))
            FOREACH (_ IN CASE WHEN r IS NULL THEN [] ELSE [1] END | CREATE (a)-[:IS]->(r))
            FOREACH (_ IN CASE WHEN o IS NULL THEN [] ELSE [1] END | CREATE (a)-[:WORKS_FOR]->(o))
            WITH a
            RETURN %s AS value, head([(a)-[:IS]->(r:Resident) | r.pseudonym]) AS pseudonym
            """
                    .formatted(PROJECTION);

    private static final String SET_ENABLED =
            """
            MATCH (a:Account {username: $username})
            SET a.enabled = $enabled
            RETURN %s AS value, head([(a)-[:IS]->(r:Resident) | r.pseudonym]) AS pseudonym
            """
                    .formatted(PROJECTION);

    private static final String SET_PASSWORD =
            """
            MATCH (a:Account {username: $username})
            SET a.passwordHash = $hash
            RETURN %s AS value, head([(a)-[:IS]->(r:Resident) | r.pseudonym]) AS pseudonym
            """
                    .formatted(PROJECTION);

    private final Neo4jClient client;
    private final GraphQueries queries;
    private final PasswordEncoder passwords;
    private final Pseudonymiser pseudonymiser;
    private final AuditTrail trail;

    AccountAdministration(
            Neo4jClient client,
            GraphQueries queries,
            PasswordEncoder passwords,
            Pseudonymiser pseudonymiser,
            AuditTrail trail) {
        this.client = client;
        this.queries = queries;
        this.passwords = passwords;
        this.pseudonymiser = pseudonymiser;
        this.trail = trail;
    }

    /** The result of an account mutation: the account as it now stands, or the errors that stopped it. */
    record Payload(Account account, List<InputError> errors) {

        static Payload failed(List<InputError> errors) {
            return new Payload(null, errors);
        }
    }

    Connection<Account> accounts(PageRequest request) {
        return queries.page(
                "MATCH (a:Account)",
                "a.username",
                "a.username",
                PROJECTION,
                Map.of(),
                request,
                Account::from,
                account -> new PageRequest.Cursor(account.username(), account.username()));
    }

    @Transactional
    Payload create(NabijUser administrator, CreateAccountInput input, String origin) {
        List<InputError> errors = new ArrayList<>();
        String username = input.username() == null ? "" : input.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            errors.add(new InputError(
                    "username",
                    "MALFORMED_USERNAME",
                    "username is 3 to 64 lower-case letters, digits or . _ @ -, starting with a letter or digit"));
        }
        errors.addAll(passwordErrors("password", input.password(), username));
        boolean actsAsProfessional = ACTING_AS_PROFESSIONAL.contains(input.role());
        boolean isResident = input.role() == Role.RESIDENT;
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
        Optional<Bsn> bsn = Bsn.parse(input.bsn());
        if (isResident && input.bsn() == null) {
            errors.add(new InputError("bsn", "BSN_REQUIRED", "a resident's account is linked by their BSN"));
        } else if (!isResident && input.bsn() != null) {
            errors.add(new InputError("bsn", "NOT_FOR_ROLE", "only a resident's account is linked to a BSN"));
        } else if (input.bsn() != null && bsn.isEmpty()) {
            errors.add(new InputError("bsn", "INVALID_BSN", "bsn must be 8 or 9 digits that pass the elfproef"));
        }
        String organisationId = Ids.canonicalUuid(input.organisationId());
        if (input.organisationId() != null && (actsAsProfessional || isResident)) {
            errors.add(new InputError(
                    "organisationId",
                    "NOT_FOR_ROLE",
                    "a professional's organisation is their employer; a resident has none"));
        } else if (input.organisationId() != null && organisationId == null) {
            errors.add(new InputError("organisationId", "MALFORMED_ID", "organisationId must be a UUID"));
        }
        if (!errors.isEmpty()) {
            return Payload.failed(errors);
        }
        String pseudonym = bsn.map(pseudonymiser::pseudonymise).orElse(null);
        Map<String, Object> lookup = new HashMap<>();
        lookup.put("username", username);
        lookup.put("professionalId", professionalId);
        lookup.put("organisationId", organisationId);
        lookup.put("pseudonym", pseudonym);
        Map<String, Object> found =
                client.query(LOOKUP).bindAll(lookup).fetch().one().orElseThrow();
        if ((Boolean) found.get("usernameTaken")) {
            errors.add(new InputError("username", "USERNAME_TAKEN", "another account has this username"));
        }
        if (professionalId != null && !(Boolean) found.get("professionalKnown")) {
            errors.add(new InputError("professionalId", "UNKNOWN_PROFESSIONAL", "no professional has this id"));
        }
        if (organisationId != null && !(Boolean) found.get("organisationKnown")) {
            errors.add(new InputError("organisationId", "UNKNOWN_ORGANISATION", "no organisation has this id"));
        }
        if (pseudonym != null && found.get("residentId") == null) {
            errors.add(new InputError("bsn", "UNKNOWN_RESIDENT", "Nabij holds no resident with this BSN"));
        }
        if (!errors.isEmpty()) {
            return Payload.failed(errors);
        }
        Map<String, Object> parameters = new HashMap<>(lookup);
        parameters.put("role", input.role().name());
        parameters.put("hash", passwords.encode(input.password()));
        parameters.put("residentId", found.get("residentId"));
        return written(CREATE, parameters, administrator, origin, "account-create")
                .orElseThrow(() -> new IllegalStateException("the account was not written"));
    }

    @Transactional
    Payload setEnabled(NabijUser administrator, String username, boolean enabled, String origin) {
        if (!enabled && administrator.username().equals(username)) {
            return Payload.failed(List.of(new InputError(
                    "username", "OWN_ACCOUNT", "you cannot disable your own account; ask another administrator")));
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("username", username);
        parameters.put("enabled", enabled);
        return written(SET_ENABLED, parameters, administrator, origin, enabled ? "account-enable" : "account-disable")
                .orElseGet(AccountAdministration::unknownAccount);
    }

    @Transactional
    Payload resetPassword(NabijUser administrator, AccountInputs.ResetPassword input, String origin) {
        List<InputError> errors = passwordErrors("newPassword", input.newPassword(), input.username());
        if (!errors.isEmpty()) {
            return Payload.failed(errors);
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("username", input.username());
        parameters.put("hash", passwords.encode(input.newPassword()));
        return written(SET_PASSWORD, parameters, administrator, origin, "account-password-reset")
                .orElseGet(AccountAdministration::unknownAccount);
    }

    /** An account as a mutation left it, with the pseudonym of the resident it belongs to, if any. */
    private record Written(Account account, String pseudonym) {}

    private Optional<Payload> written(
            String cypher, Map<String, Object> parameters, NabijUser administrator, String origin, String purpose) {
        return client.query(cypher)
                .bindAll(parameters)
                .fetchAs(Written.class)
                .mappedBy((types, row) -> new Written(
                        Account.from(row.get("value")), row.get("pseudonym").asString(null)))
                .one()
                .map(written -> {
                    List<String> subjects = written.pseudonym() == null ? List.of() : List.of(written.pseudonym());
                    trail.append(
                            administrator, origin, List.of(new AuditEntry("CHANGE", true, purpose, BASIS, subjects)));
                    return new Payload(written.account(), List.of());
                });
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

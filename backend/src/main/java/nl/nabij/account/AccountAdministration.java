package nl.nabij.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.nabij.api.ClientMutationIds;
import nl.nabij.api.Ids;
import nl.nabij.api.InputError;
import nl.nabij.audit.AuditEntry;
import nl.nabij.audit.AuditTrail;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import nl.nabij.security.SessionStore;
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

    private final AccountQueries queries;
    private final PasswordEncoder passwords;
    private final AuditTrail trail;
    private final SessionStore sessions;
    private final Clock clock;

    AccountAdministration(
            AccountQueries queries, PasswordEncoder passwords, AuditTrail trail, SessionStore sessions, Clock clock) {
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

    @Transactional
    Payload create(NabijUser administrator, CreateAccountInput input, String origin) {
        String username = input.username() == null ? "" : input.username().strip();
        String clientMutationId = ClientMutationIds.normalised(input.clientMutationId());
        List<InputError> errors = new ArrayList<>(Usernames.errors("username", username));
        ClientMutationIds.problem(input.clientMutationId()).ifPresent(errors::add);
        if (errors.isEmpty() && clientMutationId != null) {
            // A retry whose first answer was lost gets the account it made, not USERNAME_TAKEN against itself.
            Optional<AccountQueries.Written> before =
                    queries.createdBefore(username, administrator.username(), clientMutationId);
            if (before.isPresent()) {
                return payload(before.get());
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
        AccountQueries.CreationFacts found = queries.creationFacts(username, professionalId, teamId, organisationId);
        if (found.usernameTaken()) {
            errors.add(new InputError("username", "USERNAME_TAKEN", "another account has this username"));
        }
        if (professionalId != null && !found.professionalKnown()) {
            errors.add(new InputError("professionalId", "UNKNOWN_PROFESSIONAL", "no professional has this id"));
        } else if (professionalId != null && found.professionalHasAccount()) {
            errors.add(new InputError(
                    "professionalId",
                    "PROFESSIONAL_HAS_ACCOUNT",
                    "this professional already has an account, or one awaits approval"));
        }
        if (teamId != null && !found.teamKnown()) {
            errors.add(new InputError("teamId", "UNKNOWN_TEAM", "no team has this id"));
        } else if (teamId != null && found.professionalKnown() && !found.seconded()) {
            errors.add(new InputError("teamId", "NOT_IN_TEAM", "the professional is not seconded to this team"));
        }
        if (organisationId != null && !found.organisationKnown()) {
            errors.add(new InputError("organisationId", "UNKNOWN_ORGANISATION", "no organisation has this id"));
        }
        if (!errors.isEmpty()) {
            return Payload.failed(errors);
        }
        AccountQueries.NewAccount account = new AccountQueries.NewAccount(
                username,
                clientMutationId,
                administrator.username(),
                input.role().name(),
                passwords.encode(input.password()),
                professionalId,
                teamId,
                organisationId);
        if (!NEEDS_APPROVAL.contains(input.role())) {
            return queries.create(account)
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
        return queries.createPending(account, UUID.randomUUID().toString(), clock.instant())
                .map(written -> audited(
                        written,
                        administrator,
                        origin,
                        "account-create",
                        written.grant().basis()))
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
        if (!enabled) {
            // Signed-in browsers lose the account at once, on every instance, not when their sessions time out.
            sessions.endAllOf(username);
        }
        return queries.setEnabled(username, enabled)
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
        Optional<AccountQueries.PasswordRule> rule = queries.passwordRule(
                input.username(), NEEDS_APPROVAL.stream().map(Role::name).toList());
        if (rule.isEmpty()) {
            return unknownAccount();
        }
        if (rule.get().rolePending()) {
            return Payload.failed(List.of(new InputError(
                    "username",
                    "GRANT_PENDING",
                    "the account's role awaits approval; reject that grant and ask again instead")));
        }
        String hash = passwords.encode(input.newPassword());
        if (!rule.get().needsApproval()) {
            return queries.setPassword(input.username(), hash)
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
        return queries.requestPassword(
                        input.username(), hash, UUID.randomUUID().toString(), administrator.username(), clock.instant())
                .map(written -> audited(
                        written,
                        administrator,
                        origin,
                        "account-password-reset",
                        written.grant().basis()))
                .orElseGet(AccountAdministration::unknownAccount);
    }

    /** Records the change in its transaction; a resident's account names the resident by pseudonym, never more. */
    private Payload audited(
            AccountQueries.Written written,
            NabijUser administrator,
            String origin,
            String purpose,
            AccountBasis basis) {
        List<String> subjects = written.pseudonym() == null ? List.of() : List.of(written.pseudonym());
        trail.append(
                administrator, origin, List.of(new AuditEntry("CHANGE", true, purpose, basis.toString(), subjects)));
        return payload(written);
    }

    private static Payload payload(AccountQueries.Written written) {
        return new Payload(written.account(), written.grant(), List.of());
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

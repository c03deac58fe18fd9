package nl.nabij.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import nl.nabij.api.Ids;
import nl.nabij.api.InputError;
import nl.nabij.audit.AuditEntry;
import nl.nabij.audit.AuditTrail;
import nl.nabij.security.NabijUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second administrator's part (docs/explanation/separation-of-duties.md): approving or rejecting a pending grant.
 * An approval checks the grant against the graph once more, as the facts may have changed since it was asked for; the
 * decision and its audit event are written in one transaction.
 */
@Service
class AccountGrants {

    private final AccountQueries queries;
    private final AuditTrail trail;
    private final Clock clock;

    AccountGrants(AccountQueries queries, AuditTrail trail, Clock clock) {
        this.queries = queries;
        this.trail = trail;
        this.clock = clock;
    }

    /** The result of a decision: the grant as it now stands, or the errors that stopped it. */
    record Payload(AccountGrant grant, List<InputError> errors) {

        static Payload failed(InputError error) {
            return new Payload(null, List.of(error));
        }
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
        Optional<AccountQueries.PendingGrant> pending = queries.pendingGrant(id);
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
        return audited(
                queries.approve(id, administrator.username(), clock.instant()),
                administrator,
                origin,
                "account-grant-approve");
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
        return audited(
                queries.reject(id, administrator.username(), clock.instant()),
                administrator,
                origin,
                "account-grant-reject");
    }

    /** Records a decision in its transaction; no decision, as no grant was pending, records nothing. */
    private Payload audited(Optional<AccountGrant> decided, NabijUser administrator, String origin, String purpose) {
        return decided.map(grant -> {
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

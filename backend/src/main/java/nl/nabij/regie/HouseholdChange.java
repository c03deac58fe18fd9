package nl.nabij.regie;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.nabij.audit.AuditEntry;
import nl.nabij.audit.AuditTrail;
import nl.nabij.security.NabijUser;
import org.springframework.stereotype.Component;

/**
 * The start and end of every regie change: the household, if the user may see it, locked for the rest of the
 * transaction; and the audit event naming its members. The lock (a property set and removed again) orders concurrent
 * changes to one household without changing it, so two coordinators can never be assigned at once. The professionals
 * a change will link to are locked before the household, in the order of their ids: the order registering an
 * involvement takes too (the professional, then the household), so regie changes and registrations do not deadlock.
 */
@Component
class HouseholdChange {

    private final RegieQueries store;
    private final AuditTrail trail;

    HouseholdChange(RegieQueries store, AuditTrail trail) {
        this.store = store;
        this.trail = trail;
    }

    /** A household opened for a change: its members' pseudonyms, for the audit event. */
    record Opened(String householdId, List<String> subjects) {}

    /**
     * Locks the professionals the change will link to, then the household when the user may see it; empty when there
     * is none or it lies outside their scope.
     */
    Optional<Opened> open(NabijUser user, String householdId, String... professionals) {
        if (householdId == null) {
            return Optional.empty();
        }
        List<String> linked =
                Arrays.stream(professionals).filter(Objects::nonNull).toList();
        if (!linked.isEmpty()) {
            store.lockProfessionals(linked);
        }
        return store.openHousehold(user.role(), user.scopeId(), householdId)
                .map(locked -> new Opened(locked.householdId(), locked.memberPseudonyms()));
    }

    void recorded(NabijUser user, String origin, Opened household, String purpose) {
        audit(user, origin, household, "CHANGE", purpose);
    }

    /** A retry that found what its first call made: it reads, and is recorded as a read. */
    void replayed(NabijUser user, String origin, Opened household, String purpose) {
        audit(user, origin, household, "READ", purpose);
    }

    private void audit(NabijUser user, String origin, Opened household, String action, String purpose) {
        trail.append(
                user,
                origin,
                List.of(new AuditEntry(
                        action, true, purpose, "regie-" + user.role().name().toLowerCase(), household.subjects())));
    }
}

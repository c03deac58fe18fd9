package nl.nabij.regie;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.nabij.api.Ids;
import nl.nabij.api.InputError;
import nl.nabij.directory.Professional;
import nl.nabij.regie.RegieQueries.CoordinationState;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assigning, handing over and ending the coordinator (regisseur) of a household. The coordinator is always one of the
 * professionals actively involved, and there is at most one: the relationship exists only while it holds, and its
 * history is in the audit trail. Anyone who sees the household may assign one when there is none; only the
 * coordinator or a team lead hands over or ends.
 */
@Service
class Coordination {

    private final RegieQueries store;
    private final HouseholdChange change;
    private final Clock clock;

    Coordination(RegieQueries store, HouseholdChange change, Clock clock) {
        this.store = store;
        this.change = change;
        this.clock = clock;
    }

    /** The result of a coordination mutation: the coordinator now, or the errors that stopped it. */
    record Payload(Professional coordinator, List<InputError> errors) {

        static Payload failed(String field, String code, String message) {
            return new Payload(null, List.of(new InputError(field, code, message)));
        }
    }

    @Transactional
    Payload assign(NabijUser user, String householdId, String professionalId, String origin) {
        return appoint(user, householdId, professionalId, origin, false);
    }

    @Transactional
    Payload handOver(NabijUser user, String householdId, String professionalId, String origin) {
        return appoint(user, householdId, professionalId, origin, true);
    }

    @Transactional
    Payload end(NabijUser user, String householdId, String origin) {
        var household = change.open(user, Ids.canonicalUuid(householdId));
        if (household.isEmpty()) {
            return unknownHousehold();
        }
        CoordinationState state = store.coordinationState(household.get().householdId(), null);
        if (state.coordinator() == null) {
            return Payload.failed("householdId", "NO_COORDINATOR", "this household has no coordinator");
        }
        if (!mayChange(user, state)) {
            return Payload.failed(
                    "householdId", "NOT_ALLOWED", "only the coordinator or a team lead ends coordination");
        }
        store.endCoordination(household.get().householdId());
        change.recorded(user, origin, household.get(), "coordinator-end");
        return new Payload(null, List.of());
    }

    private Payload appoint(
            NabijUser user, String householdId, String professionalId, String origin, boolean handingOver) {
        String candidate = Ids.canonicalUuid(professionalId);
        if (candidate == null) {
            return Payload.failed("professionalId", "MALFORMED_ID", "professionalId must be a UUID");
        }
        var household = change.open(user, Ids.canonicalUuid(householdId), candidate);
        if (household.isEmpty()) {
            return unknownHousehold();
        }
        CoordinationState state = store.coordinationState(household.get().householdId(), candidate);
        if (!state.candidateKnown()) {
            return Payload.failed("professionalId", "UNKNOWN_PROFESSIONAL", "no professional has this id");
        }
        if (!state.candidateInvolved()) {
            return Payload.failed(
                    "professionalId", "NOT_INVOLVED", "the coordinator must be actively involved with the household");
        }
        if (!handingOver && state.coordinator() != null) {
            return Payload.failed(
                    "householdId", "COORDINATOR_EXISTS", "this household has a coordinator; hand over instead");
        }
        if (handingOver && state.coordinator() == null) {
            return Payload.failed("householdId", "NO_COORDINATOR", "this household has no coordinator; assign one");
        }
        if (handingOver && !mayChange(user, state)) {
            return Payload.failed("householdId", "NOT_ALLOWED", "only the coordinator or a team lead hands over");
        }
        if (candidate.equals(state.coordinator())) {
            return Payload.failed("professionalId", "ALREADY_COORDINATOR", "this professional coordinates already");
        }
        Professional coordinator =
                store.appointCoordinator(household.get().householdId(), candidate, LocalDate.now(clock));
        change.recorded(user, origin, household.get(), handingOver ? "coordinator-hand-over" : "coordinator-assign");
        return new Payload(coordinator, List.of());
    }

    private static boolean mayChange(NabijUser user, CoordinationState state) {
        return user.role() == Role.TEAM_LEAD || user.professionalId().equals(state.coordinator());
    }

    private static Payload unknownHousehold() {
        return Payload.failed("householdId", "UNKNOWN_HOUSEHOLD", "no household you may see has this id");
    }
}

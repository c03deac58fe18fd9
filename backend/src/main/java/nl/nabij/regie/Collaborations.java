package nl.nabij.regie;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.nabij.api.Ids;
import nl.nabij.api.InputError;
import nl.nabij.directory.Professional;
import nl.nabij.regie.RegieQueries.Involved;
import nl.nabij.security.NabijUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording that two professionals around a household worked together: the evidence that they coordinate. It makes
 * or updates their one COLLABORATES_WITH relationship, which takes the pair off the household's uncoordinated pairs.
 */
@Service
class Collaborations {

    private final RegieQueries store;
    private final HouseholdChange change;
    private final Clock clock;

    Collaborations(RegieQueries store, HouseholdChange change, Clock clock) {
        this.store = store;
        this.change = change;
        this.clock = clock;
    }

    /** How two professionals worked together. */
    enum Kind {
        CASE_MEETING,
        PHONE_CALL,
        JOINT_VISIT
    }

    /** The input of {@code recordCollaboration}. */
    record Input(String householdId, String withProfessionalId, Kind kind, LocalDate on) {}

    /** The result: whom the user now collaborates with, or the errors that stopped it. */
    record Payload(Professional with, List<InputError> errors) {}

    @Transactional
    Payload record(NabijUser user, Input input, String origin) {
        List<InputError> errors = new ArrayList<>();
        String other = Ids.canonicalUuid(input.withProfessionalId());
        if (other == null) {
            errors.add(new InputError("withProfessionalId", "MALFORMED_ID", "withProfessionalId must be a UUID"));
        } else if (other.equals(user.professionalId())) {
            errors.add(new InputError("withProfessionalId", "SAME_PROFESSIONAL", "record work with someone else"));
        }
        if (input.on().isAfter(LocalDate.now(clock))) {
            errors.add(new InputError("on", "ON_IN_FUTURE", "on is today or earlier"));
        }
        if (!errors.isEmpty()) {
            return new Payload(null, errors);
        }
        var household = change.open(user, Ids.canonicalUuid(input.householdId()), user.professionalId(), other);
        if (household.isEmpty()) {
            return failed("householdId", "UNKNOWN_HOUSEHOLD", "no household you may see has this id");
        }
        Involved involved = store.bothInvolved(household.get().householdId(), user.professionalId(), other);
        if (!involved.me()) {
            return failed("householdId", "NOT_INVOLVED", "you are not actively involved with this household");
        }
        if (!involved.otherKnown()) {
            return failed("withProfessionalId", "UNKNOWN_PROFESSIONAL", "no professional has this id");
        }
        if (!involved.other()) {
            return failed("withProfessionalId", "NOT_INVOLVED", "they are not actively involved with this household");
        }
        Professional with = store.recordCollaboration(user.professionalId(), other, input.kind(), input.on());
        change.recorded(user, origin, household.get(), "collaboration-record");
        return new Payload(with, List.of());
    }

    private static Payload failed(String field, String code, String message) {
        return new Payload(null, List.of(new InputError(field, code, message)));
    }
}

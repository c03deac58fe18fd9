package nl.nabij.volunteer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.nabij.api.Ids;
import nl.nabij.api.InputError;
import nl.nabij.api.PlainText;
import nl.nabij.audit.AuditEntry;
import nl.nabij.audit.AuditTrail;
import nl.nabij.security.NabijUser;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A team lead's review of the registrations in the neighbourhoods their team serves: approve (with the day a
 * certificate of conduct was seen, when one was), reject with a reason, and connect an approved volunteer to the team.
 * Connecting puts the volunteer's place among the team's contacts, which closes the network's "no contact with this
 * vindplaats" finding. Each decision is an audit event.
 */
@Service
class Review {

    private final VolunteerQueries queries;
    private final AuditTrail trail;
    private final Clock clock;

    Review(VolunteerQueries queries, AuditTrail trail, Clock clock) {
        this.queries = queries;
        this.trail = trail;
        this.clock = clock;
    }

    /** The result of a decision: the registration as it now stands, or the errors. */
    record Decided(VolunteerRegistration registration, List<InputError> errors) {

        static Decided failed(String field, String code, String message) {
            return new Decided(null, List.of(new InputError(field, code, message)));
        }
    }

    /** The registrations of the team lead's area with the status asked for, oldest first. */
    Window<VolunteerRegistration> queue(NabijUser lead, String status, ScrollSubrange subrange) {
        return queries.reviewQueue(lead.professionalId(), status, subrange);
    }

    @Transactional
    Decided approve(NabijUser lead, String id, LocalDate vogCheckedOn, String origin) {
        if (vogCheckedOn != null && vogCheckedOn.isAfter(LocalDate.now(clock))) {
            return Decided.failed("vogCheckedOn", "IN_FUTURE", "vogCheckedOn is today or earlier");
        }
        Optional<Decided> refused = refusal(lead, id, "PENDING");
        if (refused.isPresent()) {
            return refused.get();
        }
        return recorded(queries.approve(id, lead.username(), vogCheckedOn), lead, origin, "volunteer-approve");
    }

    @Transactional
    Decided reject(NabijUser lead, String id, String reason, String origin) {
        String stripped = reason == null ? "" : PlainText.normalized(reason);
        if (stripped.length() < RegistrationRules.SHORTEST_REASON
                || stripped.length() > RegistrationRules.LONGEST_REASON
                || !PlainText.isPlainLines(stripped)) {
            return Decided.failed("reason", "REASON_TEXT", "the reason is 3 to 500 characters of plain text");
        }
        Optional<Decided> refused = refusal(lead, id, "PENDING");
        if (refused.isPresent()) {
            return refused.get();
        }
        return recorded(queries.reject(id, lead.username(), stripped), lead, origin, "volunteer-reject");
    }

    @Transactional
    Decided connect(NabijUser lead, String id, String origin) {
        Optional<Decided> refused = refusal(lead, id, "APPROVED");
        if (refused.isPresent()) {
            return refused.get();
        }
        return recorded(
                queries.connect(id, lead.professionalId(), LocalDate.now(clock)), lead, origin, "volunteer-connect");
    }

    private Optional<Decided> refusal(NabijUser lead, String id, String required) {
        String canonical = Ids.canonicalUuid(id);
        Optional<String> status =
                canonical == null ? Optional.empty() : queries.statusInArea(lead.professionalId(), canonical);
        if (status.isEmpty()) {
            return Optional.of(Decided.failed(
                    "registrationId", "UNKNOWN_REGISTRATION", "no registration in your team's area has this id"));
        }
        if (!status.get().equals(required)) {
            return Optional.of(Decided.failed(
                    "registrationId",
                    "NOT_" + required,
                    "this registration is " + status.get().toLowerCase()));
        }
        return Optional.empty();
    }

    private Decided recorded(VolunteerRegistration registration, NabijUser lead, String origin, String purpose) {
        trail.append(lead, origin, List.of(new AuditEntry("CHANGE", true, purpose, "team-area", List.of())));
        return new Decided(registration, List.of());
    }
}

package nl.nabij.consent;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.nabij.api.ClientMutationIds;
import nl.nabij.api.Ids;
import nl.nabij.api.InputError;
import nl.nabij.api.PlainText;
import nl.nabij.audit.AuditEntry;
import nl.nabij.audit.AuditTrail;
import nl.nabij.security.NabijUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Granting and withdrawing consent. The input is checked whole first; with any error nothing is written. A change is
 * written with its audit event in one transaction. A grant first locks the resident's node, which serialises their
 * grants, so a retry with the same {@code clientMutationId} finds the consent the first call gave instead of giving a
 * second; it returns that consent as it is now, which is the resident's own data.
 */
@Service
class ConsentService {

    private static final int LONGEST_PURPOSE = 200;
    private static final int SHORTEST_PURPOSE = 3;
    private static final int LONGEST_TERM_YEARS = 5;

    private final ConsentQueries queries;
    private final AuditTrail trail;
    private final Clock clock;

    ConsentService(ConsentQueries queries, AuditTrail trail, Clock clock) {
        this.queries = queries;
        this.trail = trail;
        this.clock = clock;
    }

    /** The result of a mutation: the consent, or the errors that stopped it. */
    record Payload(Consent consent, List<InputError> errors) {

        static Payload failed(List<InputError> errors) {
            return new Payload(null, errors);
        }
    }

    @Transactional
    Payload grant(NabijUser resident, GrantConsentInput input, String origin) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("resident", resident.residentId());
        String clientMutationId = ClientMutationIds.normalised(input.clientMutationId());
        parameters.put("clientMutationId", clientMutationId);
        if (clientMutationId != null
                && ClientMutationIds.problem(clientMutationId).isEmpty()) {
            queries.lockResident(resident.residentId());
            Optional<ConsentQueries.Written> replayed = queries.replayGrant(parameters);
            if (replayed.isPresent()) {
                return recorded(replayed.get(), resident, origin, "READ", "consent-grant-retry");
            }
        }
        List<InputError> errors = check(input);
        if (!errors.isEmpty()) {
            return Payload.failed(errors);
        }
        parameters.put("id", UUID.randomUUID().toString());
        parameters.put("professionalId", Ids.canonicalUuid(input.professionalId()));
        parameters.put("organisationId", Ids.canonicalUuid(input.organisationId()));
        parameters.put("purpose", input.purpose().strip());
        parameters.put("until", input.until());
        ConsentQueries.Written written =
                queries.grant(parameters).orElseThrow(() -> new IllegalStateException("the resident has no household"));
        return recorded(written, resident, origin, "CHANGE", "consent-grant");
    }

    @Transactional
    Payload withdraw(NabijUser resident, String consentId, String origin) {
        String id = Ids.canonicalUuid(consentId);
        if (id == null) {
            return Payload.failed(List.of(new InputError("consentId", "MALFORMED_ID", "consentId must be a UUID")));
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", id);
        parameters.put("resident", resident.residentId());
        Optional<ConsentQueries.Written> written = queries.withdraw(parameters);
        if (written.isEmpty()) {
            // Someone else's consent reads as unknown: whether it exists is not the asker's business.
            return Payload.failed(
                    List.of(new InputError("consentId", "UNKNOWN_CONSENT", "you have given no consent with this id")));
        }
        if (written.get().alreadyWithdrawn()) {
            return Payload.failed(
                    List.of(new InputError("consentId", "ALREADY_WITHDRAWN", "this consent was withdrawn before")));
        }
        return recorded(written.get(), resident, origin, "CHANGE", "consent-withdraw");
    }

    private Payload recorded(
            ConsentQueries.Written written, NabijUser user, String origin, String action, String purpose) {
        trail.append(
                user, origin, List.of(new AuditEntry(action, true, purpose, "own-data", List.of(written.pseudonym()))));
        return new Payload(written.consent(), List.of());
    }

    private List<InputError> check(GrantConsentInput input) {
        List<InputError> errors = new ArrayList<>();
        ClientMutationIds.problem(input.clientMutationId()).ifPresent(errors::add);
        boolean toProfessional = input.professionalId() != null;
        boolean toOrganisation = input.organisationId() != null;
        if (toProfessional == toOrganisation) {
            errors.add(new InputError(
                    "professionalId",
                    "ONE_RECIPIENT",
                    "give either professionalId or organisationId, not both or none"));
        } else if (toProfessional && Ids.canonicalUuid(input.professionalId()) == null) {
            errors.add(new InputError("professionalId", "MALFORMED_ID", "professionalId must be a UUID"));
        } else if (toOrganisation && Ids.canonicalUuid(input.organisationId()) == null) {
            errors.add(new InputError("organisationId", "MALFORMED_ID", "organisationId must be a UUID"));
        } else {
            ConsentQueries.Recipients found = queries.recipients(
                    Ids.canonicalUuid(input.professionalId()), Ids.canonicalUuid(input.organisationId()));
            if (toProfessional && !found.professional()) {
                errors.add(new InputError("professionalId", "UNKNOWN_PROFESSIONAL", "no professional has this id"));
            }
            if (toOrganisation && !found.organisation()) {
                errors.add(new InputError("organisationId", "UNKNOWN_ORGANISATION", "no organisation has this id"));
            }
        }
        String purpose = input.purpose() == null ? "" : input.purpose().strip();
        if (purpose.length() < SHORTEST_PURPOSE || purpose.length() > LONGEST_PURPOSE) {
            errors.add(new InputError(
                    "purpose",
                    "PURPOSE_LENGTH",
                    "purpose is " + SHORTEST_PURPOSE + " to " + LONGEST_PURPOSE + " characters"));
        } else if (!PlainText.isPlain(purpose)) {
            errors.add(new InputError(
                    "purpose",
                    "PURPOSE_CHARACTERS",
                    "purpose is plain text: no control or invisible characters, < or >"));
        }
        LocalDate today = LocalDate.now(clock);
        if (!input.until().isAfter(today)) {
            errors.add(new InputError("until", "UNTIL_NOT_IN_FUTURE", "until must be after today"));
        } else if (input.until().isAfter(today.plusYears(LONGEST_TERM_YEARS))) {
            errors.add(new InputError(
                    "until", "UNTIL_TOO_FAR", "until is at most " + LONGEST_TERM_YEARS + " years ahead"));
        }
        return errors;
    }
}

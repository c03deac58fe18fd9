package nl.nabij.erasure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.nabij.api.InputError;
import nl.nabij.audit.AuditEntry;
import nl.nabij.audit.AuditTrail;
import nl.nabij.resident.Bsn;
import nl.nabij.resident.Pseudonymiser;
import nl.nabij.security.NabijUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes a resident and everything that is about them alone, in one transaction with its audit event: their
 * membership, the involvements, applications and consents that concern them, their sign-in account and, when they
 * were its last member, their household with the involvements, applications and the coordinator that concerned it. Audit events are not touched:
 * they name residents only by pseudonym, and the hash chain must stay whole.
 */
@Service
class ErasureService {

    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ./_-]{2,63}");

    private final ErasureQueries queries;
    private final Pseudonymiser pseudonymiser;
    private final AuditTrail trail;

    ErasureService(ErasureQueries queries, Pseudonymiser pseudonymiser, AuditTrail trail) {
        this.queries = queries;
        this.pseudonymiser = pseudonymiser;
        this.trail = trail;
    }

    /** The result of {@code eraseResident}: what was removed, or the errors that stopped it. */
    record Payload(Erasure erasure, List<InputError> errors) {

        static Payload failed(InputError error) {
            return new Payload(null, List.of(error));
        }
    }

    @Transactional
    Payload erase(NabijUser administrator, EraseResidentInput input, String origin) {
        Optional<Bsn> bsn = Bsn.parse(input.bsn());
        List<InputError> errors = new ArrayList<>();
        if (bsn.isEmpty()) {
            errors.add(new InputError("bsn", "INVALID_BSN", "bsn must be 8 or 9 digits that pass the elfproef"));
        }
        String reference =
                input.requestReference() == null ? "" : input.requestReference().strip();
        if (!REFERENCE.matcher(reference).matches()) {
            errors.add(new InputError(
                    "requestReference",
                    "MALFORMED_REFERENCE",
                    "requestReference is 3 to 64 letters, digits, spaces or . / _ -"));
        }
        if (!errors.isEmpty()) {
            return new Payload(null, errors);
        }
        String pseudonym = pseudonymiser.pseudonymise(bsn.get());
        Optional<Erasure> erased = queries.erase(pseudonym);
        // Recorded whether or not Nabij knew the resident: the request was handled either way.
        trail.append(
                administrator,
                origin,
                List.of(new AuditEntry(
                        "CHANGE", true, "erasure", "avg-article-17 request " + reference, List.of(pseudonym))));
        return erased.map(erasure -> new Payload(erasure, List.of()))
                .orElseGet(() -> Payload.failed(
                        new InputError("bsn", "UNKNOWN_RESIDENT", "Nabij holds no resident with this BSN")));
    }
}

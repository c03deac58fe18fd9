package nl.nabij.erasure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.nabij.api.InputError;
import nl.nabij.audit.AuditEntry;
import nl.nabij.audit.AuditTrail;
import nl.nabij.resident.Bsn;
import nl.nabij.resident.Pseudonymiser;
import nl.nabij.security.NabijUser;
import org.springframework.data.neo4j.core.Neo4jClient;
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

    private static final String ERASE =
            """
            MATCH (r:Resident {pseudonym: $pseudonym})
            OPTIONAL MATCH (r)-[:MEMBER_OF]->(h:Household)
            WITH r, h, h IS NOT NULL AND NOT EXISTS {
                MATCH (h)<-[:MEMBER_OF]-(other:Resident) WHERE other <> r
            } AS lastMember
            CALL (r) {
                OPTIONAL MATCH (r)<-[:CONCERNS]-(i:Involvement)
                DETACH DELETE i
                RETURN count(i) AS ofResident
            }
            CALL (r) {
                OPTIONAL MATCH (r)<-[:FOR]-(a:Application)
                DETACH DELETE a
            }
            CALL (r) {
                OPTIONAL MATCH (r)<-[:GIVEN_BY]-(c:Consent)
                DETACH DELETE c
                RETURN count(c) AS consents
            }
            CALL (r) {
                OPTIONAL MATCH (r)<-[:IS]-(a:Account)
                DETACH DELETE a
                RETURN count(a) AS accounts
            }
            CALL (h, lastMember) {
                OPTIONAL MATCH (h)<-[:CONCERNS]-(i:Involvement) WHERE lastMember
                DETACH DELETE i
                RETURN count(i) AS ofHousehold
            }
            CALL (h, lastMember) {
                OPTIONAL MATCH (h)<-[:FOR]-(a:Application) WHERE lastMember
                DETACH DELETE a
            }
            DETACH DELETE r
            FOREACH (_ IN CASE WHEN lastMember THEN [1] ELSE [] END | DETACH DELETE h)
            RETURN ofResident + ofHousehold AS involvements, consents, accounts, lastMember AS householdRemoved
            """;

    private final Neo4jClient client;
    private final Pseudonymiser pseudonymiser;
    private final AuditTrail trail;

    ErasureService(Neo4jClient client, Pseudonymiser pseudonymiser, AuditTrail trail) {
        this.client = client;
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
        Optional<Erasure> erased = client.query(ERASE)
                .bindAll(Map.of("pseudonym", pseudonym))
                .fetchAs(Erasure.class)
                .mappedBy((types, row) -> new Erasure(
                        row.get("involvements").asInt(),
                        row.get("consents").asInt(),
                        row.get("accounts").asInt(),
                        row.get("householdRemoved").asBoolean()))
                .one();
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

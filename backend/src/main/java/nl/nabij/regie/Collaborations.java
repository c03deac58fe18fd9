package nl.nabij.regie;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.nabij.api.Ids;
import nl.nabij.api.InputError;
import nl.nabij.directory.Professional;
import nl.nabij.security.NabijUser;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording that two professionals around a household worked together: the evidence that they coordinate. It makes
 * or updates their one COLLABORATES_WITH relationship, which takes the pair off the household's uncoordinated pairs.
 */
@Service
class Collaborations {

    private static final String BOTH_INVOLVED =
            """
            MATCH (h:Household {id: $householdId})
            RETURN {meInvolved: EXISTS { MATCH (:Professional {id: $me})-[:REGISTERED]->(:Involvement {status: 'ACTIVE'})
                                      -[:CONCERNS]->(t) WHERE t = h OR (t)-[:MEMBER_OF]->(h) },
                    otherKnown: EXISTS { MATCH (:Professional {id: $other}) },
                    otherInvolved: EXISTS { MATCH (:Professional {id: $other})-[:REGISTERED]->(:Involvement {status: 'ACTIVE'})
                                      -[:CONCERNS]->(t) WHERE t = h OR (t)-[:MEMBER_OF]->(h) }}
                   AS value
            """;

    private static final String RECORD =
            """
            MATCH (me:Professional {id: $me}), (other:Professional {id: $other})
            MERGE (me)-[c:COLLABORATES_WITH]-(other)
            ON CREATE SET c.since = $on
            SET c.kind = $kind, c.lastOn = CASE WHEN c.lastOn IS NULL OR c.lastOn < $on THEN $on ELSE c.lastOn END
            RETURN other {.id, .name, .discipline} AS value
            """;

    private final Neo4jClient client;
    private final HouseholdChange change;
    private final Clock clock;

    Collaborations(Neo4jClient client, HouseholdChange change, Clock clock) {
        this.client = client;
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

    private record Involved(boolean me, boolean otherKnown, boolean other) {}

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
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("householdId", household.get().householdId());
        parameters.put("me", user.professionalId());
        parameters.put("other", other);
        Involved involved = client.query(BOTH_INVOLVED)
                .bindAll(parameters)
                .fetchAs(Involved.class)
                .mappedBy((types, row) -> new Involved(
                        row.get("value").get("meInvolved").asBoolean(),
                        row.get("value").get("otherKnown").asBoolean(),
                        row.get("value").get("otherInvolved").asBoolean()))
                .one()
                .orElseThrow();
        if (!involved.me()) {
            return failed("householdId", "NOT_INVOLVED", "you are not actively involved with this household");
        }
        if (!involved.otherKnown()) {
            return failed("withProfessionalId", "UNKNOWN_PROFESSIONAL", "no professional has this id");
        }
        if (!involved.other()) {
            return failed("withProfessionalId", "NOT_INVOLVED", "they are not actively involved with this household");
        }
        parameters.put("kind", input.kind().name());
        parameters.put("on", input.on());
        Professional with = client.query(RECORD)
                .bindAll(parameters)
                .fetchAs(Professional.class)
                .mappedBy((types, row) -> Professional.from(row.get("value")))
                .one()
                .orElseThrow();
        change.recorded(user, origin, household.get(), "collaboration-record");
        return new Payload(with, List.of());
    }

    private static Payload failed(String field, String code, String message) {
        return new Payload(null, List.of(new InputError(field, code, message)));
    }
}

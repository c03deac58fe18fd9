package nl.nabij.household;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.nabij.api.Connection;
import nl.nabij.api.PageRequest;
import nl.nabij.database.GraphQueries;
import org.springframework.stereotype.Component;

/** The household questions, each one Cypher statement behind an index. */
@Component
class HouseholdQueries {

    /** The household with its neighbourhood, as {@link Household#from} reads it. */
    private static final String PROJECTION =
            "h {.id, .postcode, .houseNumber, .houseNumberAddition, neighbourhood: n {.code, .name}}";

    private static final String BY_ID =
            """
            MATCH (h:Household {id: $id})-[:LOCATED_IN]->(n:Neighbourhood)
            RETURN %s AS value
            """
                    .formatted(PROJECTION);

    private static final String AT_ADDRESS =
            """
            MATCH (h:Household {postcode: $postcode, houseNumber: $houseNumber})-[:LOCATED_IN]->(n:Neighbourhood)
            WHERE $addition IS NULL OR h.houseNumberAddition = $addition
            RETURN %s AS value ORDER BY h.houseNumberAddition, h.id
            """
                    .formatted(PROJECTION);

    private static final String OF_RESIDENT =
            """
            MATCH (:Resident {pseudonym: $pseudonym})-[:MEMBER_OF]->(h:Household)-[:LOCATED_IN]->(n:Neighbourhood)
            RETURN %s AS value
            """
                    .formatted(PROJECTION);

    /**
     * Members, involvements (on the household and on each member), coordinator and overlap for a batch of
     * households. Overlap counts active involvements only; a pair is uncoordinated when no COLLABORATES_WITH
     * relationship joins the two professionals in either direction.
     */
    private static final String CIRCLES =
            """
            UNWIND $keys AS key
            MATCH (h:Household {id: key})
            CALL (h) {
              OPTIONAL MATCH (r:Resident)-[m:MEMBER_OF]->(h)
              WITH r, m ORDER BY m.role, r.birthYear, r.id
              RETURN collect(r {.id, .displayName, .birthYear, role: m.role}) AS members
            }
            CALL (h) {
              CALL (h) {
                MATCH (h)<-[:CONCERNS]-(i:Involvement)
                RETURN i, null AS resident
                UNION
                MATCH (h)<-[m:MEMBER_OF]-(r:Resident)<-[:CONCERNS]-(i:Involvement)
                RETURN i, r {.id, .displayName, .birthYear, role: m.role} AS resident
              }
              MATCH (p:Professional)-[:REGISTERED]->(i)-[:ON_BEHALF_OF]->(o:Organisation)
              OPTIONAL MATCH (i)-[:VIA]->(t:Team)
              WITH i, resident, p, o, t ORDER BY i.status, i.since DESC, i.id
              RETURN collect({
                       id: i.id, domain: i.domain, since: i.since, until: i.until, status: i.status,
                       professional: p {.id, .name, .discipline},
                       organisation: o {.id, .name, .kind, .careLine},
                       team: t {.id, .name},
                       resident: resident
                     }) AS involvements,
                     count(CASE WHEN i.status = 'ACTIVE' THEN i END) AS activeInvolvementCount,
                     collect(DISTINCT CASE WHEN i.status = 'ACTIVE' THEN p END) AS activeProfessionals,
                     count(DISTINCT CASE WHEN i.status = 'ACTIVE' THEN o END) AS organisationCount
            }
            CALL (activeProfessionals) {
              UNWIND activeProfessionals AS a
              UNWIND activeProfessionals AS b
              WITH a, b
              WHERE a.id < b.id AND NOT EXISTS { (a)-[:COLLABORATES_WITH]-(b) }
              WITH a, b ORDER BY a.name, b.name
              RETURN collect({first: a {.id, .name, .discipline}, second: b {.id, .name, .discipline}})
                     AS uncoordinatedPairs
            }
            CALL (h) {
              OPTIONAL MATCH (c:Professional)-[:COORDINATES]->(h)
              RETURN c {.id, .name, .discipline} AS coordinator
              ORDER BY c.id LIMIT 1
            }
            RETURN key, {
                     members: members, involvements: involvements, coordinator: coordinator,
                     activeInvolvementCount: activeInvolvementCount, organisationCount: organisationCount,
                     professionalCount: size(activeProfessionals), uncoordinatedPairs: uncoordinatedPairs
                   } AS value
            """;

    private final GraphQueries queries;

    HouseholdQueries(GraphQueries queries) {
        this.queries = queries;
    }

    Optional<Household> byId(String id) {
        return queries.single(BY_ID, Map.of("id", id), Household::from);
    }

    List<Household> atAddress(String postcode, int houseNumber, String addition) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("postcode", postcode);
        parameters.put("houseNumber", houseNumber);
        parameters.put("addition", addition);
        return queries.list(AT_ADDRESS, parameters, Household::from);
    }

    Optional<Household> ofResident(String pseudonym) {
        return queries.single(OF_RESIDENT, Map.of("pseudonym", pseudonym), Household::from);
    }

    Connection<Household> inNeighbourhood(String neighbourhoodCode, PageRequest request) {
        return queries.page(
                "MATCH (n:Neighbourhood {code: $code})<-[:LOCATED_IN]-(h:Household)",
                "h.postcode + right('0000' + toString(h.houseNumber), 5) + coalesce(h.houseNumberAddition, '')",
                "h.id",
                PROJECTION,
                Map.of("code", neighbourhoodCode),
                request,
                Household::from,
                household -> new PageRequest.Cursor(sortKey(household.address()), household.id()));
    }

    Map<String, HouseholdCircle> circles(Collection<String> householdIds) {
        return queries.one(CIRCLES, householdIds, Function.identity(), HouseholdCircle::from);
    }

    /** The same key as the Cypher sort expression of {@link #inNeighbourhood}. */
    private static String sortKey(Address address) {
        String number = "0000" + address.houseNumber();
        return address.postcode()
                + number.substring(number.length() - 5)
                + (address.houseNumberAddition() == null ? "" : address.houseNumberAddition());
    }
}

package nl.nabij.brp;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.nabij.resident.MemberRole;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The Cypher of the BRP connection: adding a person with their household, and keeping residents current. Every
 * lookup starts from a resident's pseudonym (unique constraint), a household's id or address (V001, V002) or a
 * postcode area's code (V019).
 */
@Component
class BrpQueries {

    /** Where a postcode lies, and whether that is in the municipality the BRP registers the person in. */
    static final String PLACE =
            """
            OPTIONAL MATCH (:PostcodeArea {code: left($postcode, 4)})-[:LIES_IN]->(n:Neighbourhood)
                           -[:PART_OF]->(:District)-[:PART_OF]->(m:Municipality)
            WITH n, m ORDER BY n.code LIMIT 1
            RETURN CASE WHEN m.code = $municipality THEN n.code END AS value
            """;

    /** Which of these pseudonyms Nabij holds. */
    static final String HELD =
            """
            UNWIND $pseudonyms AS pseudonym
            MATCH (r:Resident {pseudonym: pseudonym})
            RETURN r.pseudonym AS value
            """;

    /**
     * Adds the members to the household at their address that one of them already lives in, or to a new one there.
     * A member Nabij already holds elsewhere keeps their household: the sync moves them when the BRP says so.
     */
    static final String ADMIT =
            """
            OPTIONAL MATCH (held:Resident)-[:MEMBER_OF]->(existing:Household {postcode: $postcode, houseNumber: $houseNumber})
            WHERE held.pseudonym IN [member IN $members | member.pseudonym]
              AND coalesce(existing.houseNumberAddition, '') = coalesce($addition, '')
            WITH existing ORDER BY existing.id LIMIT 1
            WITH collect(existing)[0] AS existing
            MATCH (n:Neighbourhood {code: $neighbourhood})
            FOREACH (_ IN CASE WHEN existing IS NULL THEN [1] ELSE [] END |
                CREATE (:Household {id: $householdId, postcode: $postcode, houseNumber: $houseNumber,
                                    houseNumberAddition: $addition})-[:LOCATED_IN]->(n))
            WITH coalesce(existing.id, $householdId) AS householdId
            MATCH (h:Household {id: householdId})
            UNWIND $members AS member
            MERGE (r:Resident {pseudonym: member.pseudonym})
              ON CREATE SET r.id = member.id, r.displayName = member.displayName, r.birthYear = member.birthYear,
                            r.confidential = member.confidential
            WITH h, r, member
            WHERE NOT EXISTS { (r)-[:MEMBER_OF]->(:Household) }
            CREATE (r)-[:MEMBER_OF {role: member.role}]->(h)
            RETURN count(r) AS value
            """;

    /** A held resident's household and address, for the sync to compare with the BRP's. */
    static final String HOME =
            """
            MATCH (r:Resident {pseudonym: $pseudonym})-[:MEMBER_OF]->(h:Household)
            RETURN {household: h.id, postcode: h.postcode, houseNumber: h.houseNumber,
                    addition: h.houseNumberAddition} AS value
            """;

    /** What the BRP says of a held resident now: their name, birth year and secrecy. */
    static final String REFRESH =
            """
            MATCH (r:Resident {pseudonym: $pseudonym})
            SET r.displayName = $displayName, r.birthYear = $birthYear, r.confidential = $confidential
            """;

    /** Ends a resident's active involvements, for a reason the BRP gave: a death, or a move out of the municipality. */
    static final String END_INVOLVEMENTS =
            """
            MATCH (:Resident {pseudonym: $pseudonym})<-[:CONCERNS]-(i:Involvement {status: 'ACTIVE'})
            SET i.status = 'ENDED', i.until = $today, i.endReason = $reason
            REMOVE i.expiresOn
            RETURN count(i) AS value
            """;

    /**
     * Moves a resident to the household at their new address (an existing one there, or a new one); the old
     * household keeps its involvements and history, and a MOVED_FROM relationship says who left it and when.
     */
    static final String MOVE =
            """
            MATCH (r:Resident {pseudonym: $pseudonym})-[m:MEMBER_OF]->(old:Household)
            OPTIONAL MATCH (other:Household {postcode: $postcode, houseNumber: $houseNumber})
            WHERE coalesce(other.houseNumberAddition, '') = coalesce($addition, '') AND other <> old
            WITH r, m, old, other ORDER BY other.id LIMIT 1
            MATCH (n:Neighbourhood {code: $neighbourhood})
            FOREACH (_ IN CASE WHEN other IS NULL THEN [1] ELSE [] END |
                CREATE (:Household {id: $householdId, postcode: $postcode, houseNumber: $houseNumber,
                                    houseNumberAddition: $addition})-[:LOCATED_IN]->(n))
            WITH r, m, old, coalesce(other.id, $householdId) AS householdId
            MATCH (h:Household {id: householdId})
            CREATE (r)-[:MEMBER_OF {role: m.role}]->(h)
            CREATE (r)-[:MOVED_FROM {until: $today}]->(old)
            DELETE m
            RETURN h.id AS value
            """;

    /** The addresses of all households, a page at a time in id order, for the nightly sweep. */
    static final String ADDRESSES =
            """
            MATCH (h:Household) WHERE h.id > $after
            RETURN {id: h.id, postcode: h.postcode, houseNumber: h.houseNumber} AS value
            ORDER BY h.id LIMIT $size
            """;

    /** The pseudonyms of a household's members. */
    static final String MEMBERS =
            """
            MATCH (r:Resident)-[:MEMBER_OF]->(:Household {id: $id})
            RETURN r.pseudonym AS value
            """;

    private final Neo4jClient client;

    BrpQueries(Neo4jClient client) {
        this.client = client;
    }

    /** The neighbourhood a postcode lies in when it lies in this municipality (CBS code, GM....). */
    Optional<String> neighbourhood(String postcode, String municipality) {
        return client.query(PLACE)
                .bindAll(Map.of("postcode", postcode, "municipality", municipality))
                .fetchAs(String.class)
                .mappedBy((types, row) -> row.get("value").asString(null))
                .one();
    }

    List<String> held(List<String> pseudonyms) {
        return List.copyOf(client.query(HELD)
                .bind(pseudonyms)
                .to("pseudonyms")
                .fetchAs(String.class)
                .mappedBy((types, row) -> row.get("value").asString())
                .all());
    }

    /** One member to add: their pseudonym, a new id, the name and birth year professionals see, role and secrecy. */
    record Member(
            String pseudonym, String id, String displayName, int birthYear, MemberRole role, boolean confidential) {

        Map<String, Object> asMap() {
            return Map.of(
                    "pseudonym", pseudonym,
                    "id", id,
                    "displayName", displayName,
                    "birthYear", birthYear,
                    "role", role.name(),
                    "confidential", confidential);
        }
    }

    /** An address as Nabij stores it. */
    record Place(String postcode, int houseNumber, String addition, String neighbourhood) {

        Map<String, Object> parameters() {
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("postcode", postcode);
            parameters.put("houseNumber", houseNumber);
            parameters.put("addition", addition);
            parameters.put("neighbourhood", neighbourhood);
            return parameters;
        }

        boolean sameAddress(Home home) {
            return postcode.equals(home.postcode())
                    && houseNumber == home.houseNumber()
                    && java.util.Objects.equals(addition, home.addition());
        }
    }

    long admit(Place place, String householdId, List<Member> members) {
        Map<String, Object> parameters = place.parameters();
        parameters.put("householdId", householdId);
        parameters.put("members", members.stream().map(Member::asMap).toList());
        return client.query(ADMIT)
                .bindAll(parameters)
                .fetchAs(Long.class)
                .mappedBy((types, row) -> row.get("value").asLong())
                .one()
                .orElse(0L);
    }

    /** A held resident's household and its address. */
    record Home(String household, String postcode, int houseNumber, String addition) {}

    Optional<Home> home(String pseudonym) {
        return client.query(HOME)
                .bind(pseudonym)
                .to("pseudonym")
                .fetchAs(Home.class)
                .mappedBy((types, row) -> {
                    var value = row.get("value");
                    return new Home(
                            value.get("household").asString(),
                            value.get("postcode").asString(),
                            value.get("houseNumber").asInt(),
                            value.get("addition").asString(null));
                })
                .one();
    }

    void refresh(String pseudonym, String displayName, int birthYear, boolean confidential) {
        client.query(REFRESH)
                .bindAll(Map.of(
                        "pseudonym", pseudonym,
                        "displayName", displayName,
                        "birthYear", birthYear,
                        "confidential", confidential))
                .run();
    }

    long endInvolvements(String pseudonym, LocalDate today, String reason) {
        return client.query(END_INVOLVEMENTS)
                .bindAll(Map.of("pseudonym", pseudonym, "today", today, "reason", reason))
                .fetchAs(Long.class)
                .mappedBy((types, row) -> row.get("value").asLong())
                .one()
                .orElse(0L);
    }

    void move(String pseudonym, Place place, String householdId, LocalDate today) {
        Map<String, Object> parameters = place.parameters();
        parameters.put("pseudonym", pseudonym);
        parameters.put("householdId", householdId);
        parameters.put("today", today);
        client.query(MOVE).bindAll(parameters).run();
    }

    /** A household's address, for the sweep. */
    record Address(String id, String postcode, int houseNumber) {}

    List<Address> addresses(String after, int size) {
        return List.copyOf(client.query(ADDRESSES)
                .bindAll(Map.of("after", after, "size", size))
                .fetchAs(Address.class)
                .mappedBy((types, row) -> {
                    var value = row.get("value");
                    return new Address(
                            value.get("id").asString(),
                            value.get("postcode").asString(),
                            value.get("houseNumber").asInt());
                })
                .all());
    }

    List<String> members(String householdId) {
        return List.copyOf(client.query(MEMBERS)
                .bind(householdId)
                .to("id")
                .fetchAs(String.class)
                .mappedBy((types, row) -> row.get("value").asString())
                .all());
    }
}

package nl.nabij.erasure;

import java.util.Map;
import java.util.Optional;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** The erasure's Cypher, run in the caller's transaction together with its audit event. */
@Component
class ErasureQueries {

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

    ErasureQueries(Neo4jClient client) {
        this.client = client;
    }

    /** Removes the resident with this pseudonym and what is about them alone; empty when there is none. */
    Optional<Erasure> erase(String pseudonym) {
        return client.query(ERASE)
                .bindAll(Map.of("pseudonym", pseudonym))
                .fetchAs(Erasure.class)
                .mappedBy((types, row) -> new Erasure(
                        row.get("involvements").asInt(),
                        row.get("consents").asInt(),
                        row.get("accounts").asInt(),
                        row.get("householdRemoved").asBoolean()))
                .one();
    }
}

package nl.nabij.casesystem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** The Cypher of the case-system feature, run in the caller's transaction. */
@Component
class CaseSystemQueries {

    /** The professionals of one organisation by their employee references, for a whole chunk at once. */
    static final String EMPLOYEES =
            """
            UNWIND $references AS reference
            MATCH (p:Professional)-[:EMPLOYED_BY {employeeReference: reference}]->(:Organisation {id: $organisation})
            RETURN reference, p.id AS professionalId
            """;

    /** The results of items committed before, by their idempotency record ids, for a whole chunk at once. */
    static final String EARLIER =
            """
            UNWIND $ids AS id
            MATCH (item:CaseSystemItem {id: id})
            RETURN item.id AS id, item.result AS result
            """;

    /** The idempotency record of a done item, in the transaction that did it. */
    static final String RECORD =
            """
            CREATE (:CaseSystemItem {id: $id, organisation: $organisation, key: $key, result: $result,
                                     recordedAt: datetime()})
            """;

    private final Neo4jClient client;

    CaseSystemQueries(Neo4jClient client) {
        this.client = client;
    }

    /** The professional ids of the organisation's employees with these references, by reference. */
    Map<String, String> professionalsByReference(String organisation, List<String> references) {
        Map<String, String> found = new HashMap<>();
        client.query(EMPLOYEES)
                .bindAll(Map.of("organisation", organisation, "references", references))
                .fetch()
                .all()
                .forEach(row -> found.put((String) row.get("reference"), (String) row.get("professionalId")));
        return found;
    }

    /** The stored results (as JSON) of the items with these record ids, in no particular order. */
    List<String> earlierResults(List<String> recordIds) {
        return client.query(EARLIER).bindAll(Map.of("ids", recordIds)).fetch().all().stream()
                .map(row -> (String) row.get("result"))
                .toList();
    }

    /** Remembers a done item's result (as JSON) under its record id. */
    void record(String id, String organisation, String key, String result) {
        client.query(RECORD)
                .bindAll(Map.of("id", id, "organisation", organisation, "key", key, "result", result))
                .run();
    }
}

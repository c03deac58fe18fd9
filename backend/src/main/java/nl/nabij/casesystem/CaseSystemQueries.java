package nl.nabij.casesystem;

/** The Cypher of the case-system feature. */
final class CaseSystemQueries {

    private CaseSystemQueries() {}

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
}

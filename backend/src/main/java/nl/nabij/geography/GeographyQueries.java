package nl.nabij.geography;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.nabij.directory.Municipality;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** The geography import's Cypher: merging areas and addresses by their CBS keys, and placing what lies at them. */
@Component
class GeographyQueries {

    private static final String KNOWN_NEIGHBOURHOODS =
            """
            MATCH (n:Neighbourhood)-[:PART_OF]->(:District)-[:PART_OF]->(:Municipality {code: $municipality})
            RETURN n.code AS code
            """;

    // A name the table leaves out keeps the one there is; a new area without one goes by its code until it has one.
    private static final String MERGE_AREAS =
            """
            UNWIND $rows AS row
            MERGE (m:Municipality {code: row.municipalityCode})
              ON CREATE SET m.name = coalesce(row.municipalityName, row.municipalityCode)
            SET m.name = coalesce(row.municipalityName, m.name)
            MERGE (d:District {code: row.districtCode})
              ON CREATE SET d.name = coalesce(row.districtName, row.districtCode)
            SET d.name = coalesce(row.districtName, d.name)
            MERGE (d)-[:PART_OF]->(m)
            WITH d, row WHERE row.neighbourhoodCode IS NOT NULL
            MERGE (n:Neighbourhood {code: row.neighbourhoodCode})
              ON CREATE SET n.name = coalesce(row.neighbourhoodName, row.neighbourhoodCode)
            SET n.name = coalesce(row.neighbourhoodName, n.name)
            WITH n, d
            OPTIONAL MATCH (n)-[moved:PART_OF]->(other:District) WHERE other <> d
            DELETE moved
            WITH DISTINCT n, d
            MERGE (n)-[:PART_OF]->(d)
            """;

    // An address CBS moved to another neighbourhood leaves the old one.
    private static final String MERGE_ADDRESSES =
            """
            UNWIND $rows AS row
            MATCH (n:Neighbourhood {code: row.neighbourhoodCode})
            MERGE (a:AddressPoint {key: row.key})
              ON CREATE SET a.postcode = row.postcode, a.houseNumber = row.houseNumber
            WITH a, n
            OPTIONAL MATCH (a)-[moved:LOCATED_IN]->(other:Neighbourhood) WHERE other <> n
            DELETE moved
            WITH DISTINCT a, n
            MERGE (a)-[:LOCATED_IN]->(n)
            """;

    // Households and vindplaatsen at an address lie in its neighbourhood; only those elsewhere are moved and counted.
    private static final String PLACE_HOUSEHOLDS =
            """
            UNWIND $rows AS row
            MATCH (h:Household {postcode: row.postcode, houseNumber: row.houseNumber})
            MATCH (n:Neighbourhood {code: row.neighbourhoodCode})
            WHERE NOT (h)-[:LOCATED_IN]->(n)
            OPTIONAL MATCH (h)-[old:LOCATED_IN]->(:Neighbourhood)
            DELETE old
            WITH DISTINCT h, n
            CREATE (h)-[:LOCATED_IN]->(n)
            RETURN count(h) AS placed
            """;

    private static final String PLACE_VINDPLAATSEN =
            """
            UNWIND $rows AS row
            MATCH (v:Vindplaats {postcode: row.postcode, houseNumber: row.houseNumber})
            MATCH (n:Neighbourhood {code: row.neighbourhoodCode})
            WHERE NOT (v)-[:LOCATED_IN]->(n)
            OPTIONAL MATCH (v)-[old:LOCATED_IN]->(:Neighbourhood)
            DELETE old
            WITH DISTINCT v, n
            CREATE (v)-[:LOCATED_IN]->(n)
            RETURN count(v) AS placed
            """;

    // A four-digit postcode area lies in the neighbourhood most of its addresses do: where a volunteer is placed.
    private static final String PLACE_POSTCODE_AREAS =
            """
            MATCH (a:AddressPoint)-[:LOCATED_IN]->(n:Neighbourhood)
                  -[:PART_OF]->(:District)-[:PART_OF]->(:Municipality {code: $municipality})
            WITH left(a.postcode, 4) AS code, n, count(a) AS addresses ORDER BY code, addresses DESC, n.code
            WITH code, collect(n)[0] AS n
            MERGE (p:PostcodeArea {code: code})
            WITH p, n
            OPTIONAL MATCH (p)-[old:LIES_IN]->(other:Neighbourhood) WHERE other <> n
            DELETE old
            WITH DISTINCT p, n
            MERGE (p)-[:LIES_IN]->(n)
            """;

    private static final String MUNICIPALITY = "MATCH (m:Municipality {code: $code}) RETURN m AS value";

    private final Neo4jClient client;

    GeographyQueries(Neo4jClient client) {
        this.client = client;
    }

    Collection<String> knownNeighbourhoods(String municipality) {
        return client.query(KNOWN_NEIGHBOURHOODS)
                .bind(municipality)
                .to("municipality")
                .fetchAs(String.class)
                .mappedBy((types, row) -> row.get("code").asString())
                .all();
    }

    Optional<Municipality> municipality(String code) {
        return client.query(MUNICIPALITY)
                .bind(code)
                .to("code")
                .fetchAs(Municipality.class)
                .mappedBy((types, row) -> Municipality.from(row.get("value").asNode()))
                .one();
    }

    void mergeAreas(List<Map<String, Object>> rows) {
        client.query(MERGE_AREAS).bind(rows).to("rows").run();
    }

    /** Writes the addresses and places what lies at them; answers how many households and vindplaatsen moved. */
    long[] mergeAddresses(List<Map<String, Object>> rows) {
        client.query(MERGE_ADDRESSES).bind(rows).to("rows").run();
        return new long[] {placed(PLACE_HOUSEHOLDS, rows), placed(PLACE_VINDPLAATSEN, rows)};
    }

    void placePostcodeAreas(String municipality) {
        client.query(PLACE_POSTCODE_AREAS).bind(municipality).to("municipality").run();
    }

    private long placed(String cypher, List<Map<String, Object>> rows) {
        return client.query(cypher)
                .bind(rows)
                .to("rows")
                .fetchAs(Long.class)
                .mappedBy((types, row) -> row.get("placed").asLong())
                .one()
                .orElse(0L);
    }
}

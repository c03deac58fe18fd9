package nl.nabij.vindplaats.hsds;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import nl.nabij.api.Paging;
import nl.nabij.database.GraphQueries;
import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.domain.Window;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Component;

/**
 * Reads and writes what an HSDS exchange keeps beside the vindplaatsen: services, each offered at any number of
 * vindplaatsen (or at none) and by an organisation, and the locations and organizations that came without Nabij's
 * taxonomies, kept as they came until a person classifies them. Writes run in the caller's transaction.
 */
@Component
class HsdsQueries {

    /** What a service is linked to: Nabij's own nodes by id, unclassified records by key. */
    private static final String SERVICE_PROJECTION =
            """
            s {.hsdsId, .name, .description, .status, .needsClassification, .modifiedAt,
               vindplaatsIds: COLLECT { MATCH (s)-[:OFFERED_AT]->(v:Vindplaats) RETURN v.id ORDER BY v.id },
               unclassifiedLocations: COLLECT { MATCH (s)-[:OFFERED_AT]->(r:UnclassifiedRecord) RETURN r.key ORDER BY r.key },
               organisationId: COLLECT { MATCH (s)-[:OFFERED_BY]->(o:Organisation) RETURN o.id }[0],
               unclassifiedOrganization: COLLECT { MATCH (s)-[:OFFERED_BY]->(r:UnclassifiedRecord) RETURN r.key }[0]}
            """;

    private static final String SERVICE_BY_HSDS_ID =
            "MATCH (s:Service {hsdsId: $hsdsId}) RETURN " + SERVICE_PROJECTION + " AS value";

    private static final String SERVICES =
            "MATCH (s:Service) RETURN " + SERVICE_PROJECTION + " AS value ORDER BY s.hsdsId";

    private static final String SAVE_SERVICE =
            """
            MERGE (s:Service {hsdsId: $hsdsId})
              ON CREATE SET s.id = $id
            SET s.name = $name, s.description = $description, s.status = $status,
                s.needsClassification = $needsClassification, s.modifiedAt = datetime()
            WITH s
            OPTIONAL MATCH (s)-[old:OFFERED_AT|OFFERED_BY]->()
            DELETE old
            WITH DISTINCT s
            CALL (s) {
              UNWIND $vindplaatsIds AS vindplaatsId
              MATCH (v:Vindplaats {id: vindplaatsId})
              CREATE (s)-[:OFFERED_AT]->(v)
            }
            CALL (s) {
              UNWIND $unclassifiedLocations AS key
              MATCH (r:UnclassifiedRecord {key: key})
              CREATE (s)-[:OFFERED_AT]->(r)
            }
            CALL (s) {
              OPTIONAL MATCH (o:Organisation {id: $organisationId})
              OPTIONAL MATCH (r:UnclassifiedRecord {key: $unclassifiedOrganization})
              FOREACH (by IN [x IN [o, r] WHERE x IS NOT NULL] | CREATE (s)-[:OFFERED_BY]->(by))
            }
            """;

    private static final String UNCLASSIFIED_BY_KEY =
            "MATCH (r:UnclassifiedRecord {key: $key}) RETURN r {.key, .table, .hsdsId, .json} AS value";

    private static final String UNCLASSIFIED =
            "MATCH (r:UnclassifiedRecord) RETURN r {.key, .table, .hsdsId, .json} AS value ORDER BY r.key";

    private static final String FORGET_UNCLASSIFIED = "MATCH (r:UnclassifiedRecord {key: $key}) DETACH DELETE r";

    private static final String KEEP_UNCLASSIFIED =
            """
            MERGE (r:UnclassifiedRecord {key: $key})
            SET r.table = $table, r.hsdsId = $hsdsId, r.name = $name, r.json = $json, r.keptAt = datetime()
            """;

    private final Neo4jClient client;
    private final GraphQueries queries;

    HsdsQueries(Neo4jClient client, GraphQueries queries) {
        this.client = client;
        this.queries = queries;
    }

    /**
     * A service as kept: its own identity and status, and what it is linked to.
     *
     * @param vindplaatsIds the Nabij ids of the vindplaatsen it is offered at
     * @param unclassifiedLocations the keys of the unclassified locations it is offered at
     * @param organisationId the Nabij id of the organisation that offers it, if classified
     * @param unclassifiedOrganization the key of the unclassified organization that offers it
     * @param needsClassification whether a location or the organization it needs waits for a person, or it has no
     *     location at all
     */
    record StoredService(
            String hsdsId,
            String name,
            String description,
            String status,
            List<String> vindplaatsIds,
            List<String> unclassifiedLocations,
            String organisationId,
            String unclassifiedOrganization,
            boolean needsClassification,
            Instant modifiedAt) {

        /** Whether this holds the same as {@code other}, the time of the last change aside. */
        boolean sameAs(StoredService other) {
            return hsdsId.equals(other.hsdsId)
                    && name.equals(other.name)
                    && Objects.equals(description, other.description)
                    && status.equals(other.status)
                    && vindplaatsIds.equals(other.vindplaatsIds)
                    && unclassifiedLocations.equals(other.unclassifiedLocations)
                    && Objects.equals(organisationId, other.organisationId)
                    && Objects.equals(unclassifiedOrganization, other.unclassifiedOrganization)
                    && needsClassification == other.needsClassification;
        }
    }

    /** A location or organization kept as it came, without Nabij's taxonomies: its HSDS record as JSON. */
    record UnclassifiedRecord(String key, String table, String hsdsId, String json) {

        static String key(String table, String hsdsId) {
            return table + ":" + hsdsId;
        }
    }

    Optional<StoredService> serviceByHsdsId(String hsdsId) {
        return queries.single(SERVICE_BY_HSDS_ID, Map.of("hsdsId", hsdsId), HsdsQueries::service);
    }

    List<StoredService> services() {
        return queries.list(SERVICES, Map.of(), HsdsQueries::service);
    }

    /** A page of the services waiting for a person to classify what they need, by name. */
    Window<HsdsService> servicesToClassify(ScrollSubrange subrange) {
        return queries.page(
                "MATCH (s:Service {needsClassification: true})",
                "s.name",
                "s.hsdsId",
                SERVICE_PROJECTION,
                Map.of(),
                subrange,
                value -> HsdsService.of(service(value)),
                service -> new Paging.Position(service.name(), service.hsdsId()));
    }

    /** Writes the service with exactly these links, creating it when its HSDS id is new. */
    void saveService(StoredService service) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", UUID.randomUUID().toString());
        parameters.put("hsdsId", service.hsdsId());
        parameters.put("name", service.name());
        parameters.put("description", service.description());
        parameters.put("status", service.status());
        parameters.put("needsClassification", service.needsClassification());
        parameters.put("vindplaatsIds", service.vindplaatsIds());
        parameters.put("unclassifiedLocations", service.unclassifiedLocations());
        parameters.put("organisationId", service.organisationId());
        parameters.put("unclassifiedOrganization", service.unclassifiedOrganization());
        client.query(SAVE_SERVICE).bindAll(parameters).run();
    }

    Optional<UnclassifiedRecord> unclassified(String key) {
        return queries.single(UNCLASSIFIED_BY_KEY, Map.of("key", key), HsdsQueries::unclassified);
    }

    List<UnclassifiedRecord> unclassifiedRecords() {
        return queries.list(UNCLASSIFIED, Map.of(), HsdsQueries::unclassified);
    }

    /** Keeps (or replaces) a record that came without Nabij's taxonomies. */
    void keepUnclassified(String table, String hsdsId, String name, String json) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("key", UnclassifiedRecord.key(table, hsdsId));
        parameters.put("table", table);
        parameters.put("hsdsId", hsdsId);
        parameters.put("name", name);
        parameters.put("json", json);
        client.query(KEEP_UNCLASSIFIED).bindAll(parameters).run();
    }

    /** Forgets the unclassified record of a location or organization that is now classified. */
    void forgetUnclassified(String table, String hsdsId) {
        client.query(FORGET_UNCLASSIFIED)
                .bindAll(Map.of("key", UnclassifiedRecord.key(table, hsdsId)))
                .run();
    }

    private static StoredService service(MapAccessor value) {
        return new StoredService(
                value.get("hsdsId").asString(),
                value.get("name").asString(),
                value.get("description").isNull()
                        ? null
                        : value.get("description").asString(),
                value.get("status").asString(),
                value.get("vindplaatsIds").asList(item -> item.asString()),
                value.get("unclassifiedLocations").asList(item -> item.asString()),
                value.get("organisationId").isNull()
                        ? null
                        : value.get("organisationId").asString(),
                value.get("unclassifiedOrganization").isNull()
                        ? null
                        : value.get("unclassifiedOrganization").asString(),
                value.get("needsClassification").asBoolean(false),
                value.get("modifiedAt").isNull()
                        ? null
                        : value.get("modifiedAt").asZonedDateTime().toInstant());
    }

    private static UnclassifiedRecord unclassified(MapAccessor value) {
        return new UnclassifiedRecord(
                value.get("key").asString(),
                value.get("table").asString(),
                value.get("hsdsId").asString(),
                value.get("json").asString());
    }
}

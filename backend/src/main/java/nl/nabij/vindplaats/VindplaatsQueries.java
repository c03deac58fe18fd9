package nl.nabij.vindplaats;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.nabij.api.Paging;
import nl.nabij.database.GraphQueries;
import nl.nabij.directory.CareLine;
import nl.nabij.directory.Neighbourhood;
import nl.nabij.directory.Organisation;
import nl.nabij.directory.OrganisationKind;
import nl.nabij.directory.Team;
import org.springframework.data.domain.Window;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Component;

/**
 * Reads and writes the social map: vindplaatsen with their details, and the organisations an HSDS exchange carries.
 * Writes run in the caller's transaction, together with its audit event.
 */
@Component
public class VindplaatsQueries {

    private static final String VINDPLAATSEN_OF_NEIGHBOURHOOD =
            """
            UNWIND $keys AS key
            MATCH (:Neighbourhood {code: key})<-[:LOCATED_IN]-(v:Vindplaats)
            RETURN key, v AS value ORDER BY v.name, v.id
            """;

    private static final String VINDPLAATS_CONTACTS_OF_TEAM =
            """
            UNWIND $keys AS key
            MATCH (:Team {id: key})-[:IN_CONTACT_WITH]->(v:Vindplaats)
            RETURN key, v AS value ORDER BY v.name, v.id
            """;

    private static final String NEIGHBOURHOOD_OF_VINDPLAATS =
            """
            UNWIND $keys AS key
            MATCH (:Vindplaats {id: key})-[:LOCATED_IN]->(n:Neighbourhood)
            RETURN key, n AS value
            """;

    private static final String TEAMS_IN_CONTACT_WITH_VINDPLAATS =
            """
            UNWIND $keys AS key
            MATCH (:Vindplaats {id: key})<-[:IN_CONTACT_WITH]-(t:Team)
            RETURN key, t AS value ORDER BY t.name, t.id
            """;

    private static final String ORGANISATION_RUNNING =
            """
            UNWIND $keys AS key
            MATCH (:Vindplaats {id: key})-[:RUN_BY]->(o:Organisation)
            RETURN key, o AS value
            """;

    private static final String DETAILS =
            """
            UNWIND $keys AS key
            MATCH (v:Vindplaats {id: key})-[:LOCATED_IN]->(n:Neighbourhood)
            OPTIONAL MATCH (v)-[:RUN_BY]->(o:Organisation)
            RETURN key, v {.*, neighbourhoodCode: n.code, neighbourhoodName: n.name, organisationId: o.id, organisationHsdsId: coalesce(o.hsdsId, o.id)} AS value
            """;

    private static final String ALL =
            """
            MATCH (v:Vindplaats)-[:LOCATED_IN]->(n:Neighbourhood)
            OPTIONAL MATCH (v)-[:RUN_BY]->(o:Organisation)
            RETURN v {.*, neighbourhoodCode: n.code, neighbourhoodName: n.name, organisationId: o.id, organisationHsdsId: coalesce(o.hsdsId, o.id)} AS value ORDER BY v.name, v.id
            """;

    // A record keeps its HSDS id when it was imported; one exported from Nabij comes back under its own id.
    private static final String BY_HSDS_ID =
            """
            OPTIONAL MATCH (imported:Vindplaats {hsdsId: $hsdsId})
            OPTIONAL MATCH (own:Vindplaats {id: $hsdsId})
            WITH coalesce(imported, own) AS v WHERE v IS NOT NULL
            MATCH (v)-[:LOCATED_IN]->(n:Neighbourhood)
            OPTIONAL MATCH (v)-[:RUN_BY]->(o:Organisation)
            RETURN v {.*, neighbourhoodCode: n.code, neighbourhoodName: n.name, organisationId: o.id, organisationHsdsId: coalesce(o.hsdsId, o.id)} AS value
            """;

    private static final String PUBLIC_MAP =
            """
            MATCH (v:Vindplaats)-[:LOCATED_IN]->(n:Neighbourhood)
            WHERE v.isPublic = true AND coalesce(v.status, 'ACTIVE') = 'ACTIVE'
              AND ($neighbourhoodCode IS NULL OR n.code = $neighbourhoodCode) AND ($kind IS NULL OR v.kind = $kind)
            OPTIONAL MATCH (v)-[:RUN_BY]->(o:Organisation)
            """;

    /** Serialises creations in one neighbourhood, so two calls with one key cannot both miss the first's vindplaats. */
    private static final String LOCK_NEIGHBOURHOOD =
            """
            MATCH (n:Neighbourhood {code: $neighbourhoodCode})
            SET n.creating = true
            REMOVE n.creating
            """;

    private static final String CREATED_BEFORE =
            """
            MATCH (:Neighbourhood {code: $neighbourhoodCode})<-[:LOCATED_IN]-(v:Vindplaats {clientMutationId: $key})
            WHERE v.createdBy = $createdBy
            RETURN v AS value
            """;

    private static final String CREATE =
            """
            MATCH (n:Neighbourhood {code: $neighbourhoodCode})
            CREATE (v:Vindplaats {id: $id})-[:LOCATED_IN]->(n)
            SET v += $properties, v.modifiedAt = datetime()
            WITH v
            OPTIONAL MATCH (o:Organisation {id: $organisationId})
            FOREACH (organisation IN CASE WHEN o IS NULL THEN [] ELSE [o] END | CREATE (v)-[:RUN_BY]->(organisation))
            RETURN v AS value
            """;

    private static final String UPDATE =
            """
            MATCH (v:Vindplaats {id: $id})
            SET v += $properties, v.modifiedAt = datetime()
            WITH v
            OPTIONAL MATCH (v)-[located:LOCATED_IN]->(:Neighbourhood)
            DELETE located
            WITH DISTINCT v
            MATCH (n:Neighbourhood {code: $neighbourhoodCode})
            CREATE (v)-[:LOCATED_IN]->(n)
            WITH v
            OPTIONAL MATCH (v)-[run:RUN_BY]->(:Organisation)
            DELETE run
            WITH DISTINCT v
            OPTIONAL MATCH (o:Organisation {id: $organisationId})
            FOREACH (organisation IN CASE WHEN o IS NULL THEN [] ELSE [o] END | CREATE (v)-[:RUN_BY]->(organisation))
            RETURN v AS value
            """;

    private static final String ORGANISATIONS =
            """
            MATCH (o:Organisation)
            RETURN o {.id, .name, .kind, .careLine, hsdsId: coalesce(o.hsdsId, o.id)} AS value ORDER BY o.name, o.id
            """;

    private static final String ORGANISATION_BY_HSDS_ID =
            """
            OPTIONAL MATCH (imported:Organisation {hsdsId: $hsdsId})
            OPTIONAL MATCH (own:Organisation {id: $hsdsId})
            WITH coalesce(imported, own) AS o WHERE o IS NOT NULL
            RETURN o {.id, .name, .kind, .careLine, hsdsId: coalesce(o.hsdsId, o.id)} AS value
            """;

    private static final String ORGANISATION_NAME_TAKEN =
            """
            RETURN EXISTS { MATCH (o:Organisation {name: $name}) WHERE o.id <> coalesce($id, '') } AS taken
            """;

    private static final String CREATE_ORGANISATION =
            """
            CREATE (o:Organisation {id: $id, hsdsId: $hsdsId, name: $name, kind: $kind, careLine: $careLine})
            """;

    private static final String UPDATE_ORGANISATION =
            """
            MATCH (o:Organisation {id: $id}) SET o.name = $name, o.kind = $kind, o.careLine = $careLine
            """;

    private static final String TEAM_SERVES_NEIGHBOURHOOD =
            """
            RETURN EXISTS { MATCH (:Professional {id: $me})-[:SECONDED_TO]->(:Team)-[:SERVES]->
                            (:Neighbourhood {code: $code}) } AS inArea
            """;

    private static final String NEIGHBOURHOOD_EXISTS =
            """
            RETURN EXISTS { MATCH (:Neighbourhood {code: $code}) } AS known
            """;

    // Households keep the neighbourhood of their address; the one most of a postcode's households lie in is its.
    private static final String NEIGHBOURHOOD_OF_POSTCODE =
            """
            MATCH (h:Household)-[:LOCATED_IN]->(n:Neighbourhood)
            WHERE h.postcode = $postcode AND h.houseNumber IS NOT NULL
            RETURN n.code AS code, count(h) AS households ORDER BY households DESC, code LIMIT 1
            """;

    private static final String ORGANISATION_EXISTS =
            """
            RETURN EXISTS { MATCH (:Organisation {id: $id}) } AS known
            """;

    private final Neo4jClient client;
    private final GraphQueries queries;

    VindplaatsQueries(Neo4jClient client, GraphQueries queries) {
        this.client = client;
        this.queries = queries;
    }

    /** An organisation as the HSDS exchange sees it: Nabij's own id and the id it goes by in Open Referral. */
    public record OrganisationRecord(String id, String hsdsId, String name, OrganisationKind kind, CareLine careLine) {}

    /** Whether the professional's team serves the neighbourhood: a team lead keeps the vindplaatsen there. */
    boolean teamServesNeighbourhood(String professionalId, String neighbourhoodCode) {
        return exists(TEAM_SERVES_NEIGHBOURHOOD, Map.of("me", professionalId, "code", neighbourhoodCode));
    }

    boolean neighbourhoodExists(String code) {
        return exists(NEIGHBOURHOOD_EXISTS, Map.of("code", code));
    }

    /** The neighbourhood most of the postcode's households lie in, if any household has it. */
    Optional<String> neighbourhoodOfPostcode(String postcode) {
        return client.query(NEIGHBOURHOOD_OF_POSTCODE)
                .bind(postcode)
                .to("postcode")
                .fetchAs(String.class)
                .mappedBy((types, row) -> row.get("code").asString())
                .first();
    }

    boolean organisationExists(String id) {
        return exists(ORGANISATION_EXISTS, Map.of("id", id));
    }

    private boolean exists(String cypher, Map<String, Object> parameters) {
        return client.query(cypher)
                .bindAll(parameters)
                .fetchAs(Boolean.class)
                .one()
                .orElse(false);
    }

    /** The organisation that runs each vindplaats, for those run by one. */
    Map<Vindplaats, Organisation> organisationsRunning(List<Vindplaats> vindplaatsen) {
        return queries.one(ORGANISATION_RUNNING, vindplaatsen, Vindplaats::id, Organisation::from);
    }

    Map<String, VindplaatsDetails> details(Collection<String> ids) {
        return queries.one(DETAILS, ids, id -> id, VindplaatsDetails::from);
    }

    Optional<VindplaatsDetails> details(String id) {
        return Optional.ofNullable(details(List.of(id)).get(id));
    }

    public List<VindplaatsDetails> all() {
        return queries.list(ALL, Map.of(), VindplaatsDetails::from);
    }

    public Optional<VindplaatsDetails> byHsdsId(String hsdsId) {
        return queries.single(BY_HSDS_ID, Map.of("hsdsId", hsdsId), VindplaatsDetails::from);
    }

    Window<VindplaatsDetails> publicPage(String neighbourhoodCode, VindplaatsKind kind, ScrollSubrange subrange) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("neighbourhoodCode", neighbourhoodCode);
        parameters.put("kind", kind == null ? null : kind.name());
        return queries.page(
                PUBLIC_MAP,
                "v.name",
                "v.id",
                VindplaatsDetails.PROJECTION,
                parameters,
                subrange,
                VindplaatsDetails::from,
                details -> new Paging.Position(details.draft().name(), details.id()));
    }

    /** Writes a new vindplaats from a checked draft as stored; {@code hsdsId} when it comes from an HSDS record. */
    public Vindplaats create(VindplaatsDraft stored, String hsdsId) {
        Map<String, Object> properties = properties(stored);
        if (hsdsId != null) {
            properties.put("hsdsId", hsdsId);
        }
        return write(CREATE, UUID.randomUUID().toString(), stored, properties);
    }

    /**
     * Locks the neighbourhood and returns the vindplaats this user created there before with this
     * {@code clientMutationId}, if any; otherwise creates it with the key. The caller has checked the user's access.
     */
    Vindplaats createOnce(VindplaatsDraft stored, String createdBy, String clientMutationId) {
        Map<String, Object> key = Map.of(
                "neighbourhoodCode", stored.neighbourhoodCode(), "createdBy", createdBy, "key", clientMutationId);
        client.query(LOCK_NEIGHBOURHOOD).bindAll(key).run();
        Optional<Vindplaats> before = client.query(CREATED_BEFORE)
                .bindAll(key)
                .fetchAs(Vindplaats.class)
                .mappedBy((types, row) -> Vindplaats.from(row.get("value").asNode()))
                .one();
        if (before.isPresent()) {
            return before.get();
        }
        Map<String, Object> properties = properties(stored);
        properties.put("createdBy", createdBy);
        properties.put("clientMutationId", clientMutationId);
        return write(CREATE, UUID.randomUUID().toString(), stored, properties);
    }

    public Vindplaats update(String id, VindplaatsDraft stored) {
        return write(UPDATE, id, stored, properties(stored));
    }

    private Vindplaats write(String cypher, String id, VindplaatsDraft stored, Map<String, Object> properties) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", id);
        parameters.put("properties", properties);
        parameters.put("neighbourhoodCode", stored.neighbourhoodCode());
        parameters.put("organisationId", stored.organisationId());
        return client.query(cypher)
                .bindAll(parameters)
                .fetchAs(Vindplaats.class)
                .mappedBy((types, row) -> Vindplaats.from(row.get("value").asNode()))
                .one()
                .orElseThrow(() -> new IllegalStateException("the vindplaats or its neighbourhood is gone"));
    }

    /** The node's properties; a null removes the property, so a field that was cleared leaves nothing behind. */
    private static Map<String, Object> properties(VindplaatsDraft draft) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("name", draft.name());
        properties.put("kind", draft.category().kind().name());
        properties.put("category", draft.category().name());
        properties.put("description", draft.description());
        properties.put("status", draft.status().name());
        properties.put("isPublic", draft.isPublic());
        VindplaatsAddress address = draft.address();
        properties.put("street", address == null ? null : address.street());
        properties.put("houseNumber", address == null ? null : address.houseNumber());
        properties.put("houseNumberAddition", address == null ? null : address.houseNumberAddition());
        properties.put("postcode", address == null ? null : address.postcode());
        properties.put("city", address == null ? null : address.city());
        VindplaatsContact contact = draft.contact();
        properties.put("contactName", contact == null ? null : contact.name());
        properties.put("contactEmail", contact == null ? null : contact.email());
        properties.put("contactPhone", contact == null ? null : contact.phone());
        properties.put(
                "openingHours",
                draft.openingHours().isEmpty()
                        ? null
                        : draft.openingHours().stream()
                                .map(OpeningHours::stored)
                                .collect(Collectors.toList()));
        return properties;
    }

    public List<OrganisationRecord> organisations() {
        return queries.list(ORGANISATIONS, Map.of(), VindplaatsQueries::organisation);
    }

    public Optional<OrganisationRecord> organisationByHsdsId(String hsdsId) {
        return queries.single(ORGANISATION_BY_HSDS_ID, Map.of("hsdsId", hsdsId), VindplaatsQueries::organisation);
    }

    public boolean organisationNameTaken(String name, String exceptId) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("name", name);
        parameters.put("id", exceptId);
        return client.query(ORGANISATION_NAME_TAKEN)
                .bindAll(parameters)
                .fetchAs(Boolean.class)
                .one()
                .orElse(false);
    }

    /** Writes a new organisation for an HSDS record and returns its Nabij id. */
    public String createOrganisation(String hsdsId, String name, OrganisationKind kind, CareLine careLine) {
        String id = UUID.randomUUID().toString();
        client.query(CREATE_ORGANISATION)
                .bindAll(Map.of(
                        "id", id, "hsdsId", hsdsId, "name", name, "kind", kind.name(), "careLine", careLine.name()))
                .run();
        return id;
    }

    public void updateOrganisation(String id, String name, OrganisationKind kind, CareLine careLine) {
        client.query(UPDATE_ORGANISATION)
                .bindAll(Map.of("id", id, "name", name, "kind", kind.name(), "careLine", careLine.name()))
                .run();
    }

    private static OrganisationRecord organisation(org.neo4j.driver.types.MapAccessor value) {
        return new OrganisationRecord(
                value.get("id").asString(),
                value.get("hsdsId").asString(),
                value.get("name").asString(),
                OrganisationKind.valueOf(value.get("kind").asString()),
                CareLine.valueOf(value.get("careLine").asString()));
    }

    Map<Neighbourhood, List<Vindplaats>> vindplaatsenIn(List<Neighbourhood> neighbourhoods) {
        return queries.many(VINDPLAATSEN_OF_NEIGHBOURHOOD, neighbourhoods, Neighbourhood::code, Vindplaats::from);
    }

    Map<Team, List<Vindplaats>> vindplaatsContactsOf(List<Team> teams) {
        return queries.many(VINDPLAATS_CONTACTS_OF_TEAM, teams, Team::id, Vindplaats::from);
    }

    /** A page of vindplaatsen, of one kind or (when {@code kind} is null) all. */
    Window<Vindplaats> vindplaatsen(VindplaatsKind kind, ScrollSubrange subrange) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("kind", kind == null ? null : kind.name());
        return queries.page(
                "MATCH (n:Vindplaats) WHERE $kind IS NULL OR n.kind = $kind",
                "n.name",
                "n.id",
                "n",
                parameters,
                subrange,
                Vindplaats::from,
                vindplaats -> new Paging.Position(vindplaats.name(), vindplaats.id()));
    }

    Map<Vindplaats, Neighbourhood> neighbourhoodOf(List<Vindplaats> vindplaatsen) {
        return queries.one(NEIGHBOURHOOD_OF_VINDPLAATS, vindplaatsen, Vindplaats::id, Neighbourhood::from);
    }

    Map<Vindplaats, List<Team>> teamsInContactWith(List<Vindplaats> vindplaatsen) {
        return queries.many(TEAMS_IN_CONTACT_WITH_VINDPLAATS, vindplaatsen, Vindplaats::id, Team::from);
    }
}

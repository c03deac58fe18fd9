package nl.nabij.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.nabij.api.Paging;
import nl.nabij.database.GraphQueries;
import org.neo4j.driver.types.MapAccessor;
import org.springframework.data.domain.Window;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Component;

/**
 * The directory's Cypher: the lists and the links between organisations, professionals, teams, the geography and the
 * vindplaatsen, each nested list loaded for all parents of a request at once; and the administrator's writes to
 * organisations, which run in the caller's transaction.
 */
@Component
class DirectoryQueries {

    private static final String MUNICIPALITY = "MATCH (m:Municipality) RETURN m AS value ORDER BY m.code LIMIT 1";

    private static final String DISTRICTS_OF_MUNICIPALITY =
            """
            UNWIND $keys AS key
            MATCH (:Municipality {code: key})<-[:PART_OF]-(d:District)
            RETURN key, d AS value ORDER BY d.code
            """;

    private static final String MUNICIPALITY_OF_DISTRICT =
            """
            UNWIND $keys AS key
            MATCH (:District {code: key})-[:PART_OF]->(m:Municipality)
            RETURN key, m AS value
            """;

    private static final String NEIGHBOURHOODS_OF_DISTRICT =
            """
            UNWIND $keys AS key
            MATCH (:District {code: key})<-[:PART_OF]-(n:Neighbourhood)
            RETURN key, n AS value ORDER BY n.code
            """;

    private static final String DISTRICT_OF_NEIGHBOURHOOD =
            """
            UNWIND $keys AS key
            MATCH (:Neighbourhood {code: key})-[:PART_OF]->(d:District)
            RETURN key, d AS value
            """;

    private static final String TEAMS_OF_NEIGHBOURHOOD =
            """
            UNWIND $keys AS key
            MATCH (:Neighbourhood {code: key})<-[:SERVES]-(t:Team)
            RETURN key, t AS value ORDER BY t.name, t.id
            """;

    private static final String PROFESSIONALS_OF_ORGANISATION =
            """
            UNWIND $keys AS key
            MATCH (:Organisation {id: key})<-[:EMPLOYED_BY]-(p:Professional)
            RETURN key, p AS value ORDER BY p.name, p.id
            """;

    private static final String TEAMS_OF_ORGANISATION =
            """
            UNWIND $keys AS key
            MATCH (:Organisation {id: key})<-[:EMPLOYED_BY]-(:Professional)-[:SECONDED_TO]->(t:Team)
            WITH DISTINCT key, t
            RETURN key, t AS value ORDER BY t.name, t.id
            """;

    private static final String ORGANISATION_OF_PROFESSIONAL =
            """
            UNWIND $keys AS key
            MATCH (:Professional {id: key})-[:EMPLOYED_BY]->(o:Organisation)
            RETURN key, o AS value
            """;

    private static final String TEAMS_OF_PROFESSIONAL =
            """
            UNWIND $keys AS key
            MATCH (:Professional {id: key})-[:SECONDED_TO]->(t:Team)
            RETURN key, t AS value ORDER BY t.name, t.id
            """;

    private static final String COLLABORATORS_OF_PROFESSIONAL =
            """
            UNWIND $keys AS key
            MATCH (:Professional {id: key})-[:COLLABORATES_WITH]-(other:Professional)
            WITH DISTINCT key, other
            RETURN key, other AS value ORDER BY other.name, other.id
            """;

    private static final String MEMBERS_OF_TEAM =
            """
            UNWIND $keys AS key
            MATCH (:Team {id: key})<-[:SECONDED_TO]-(p:Professional)
            RETURN key, p AS value ORDER BY p.name, p.id
            """;

    private static final String ORGANISATIONS_OF_TEAM =
            """
            UNWIND $keys AS key
            MATCH (:Team {id: key})<-[:SECONDED_TO]-(:Professional)-[:EMPLOYED_BY]->(o:Organisation)
            WITH DISTINCT key, o
            RETURN key, o AS value ORDER BY o.name, o.id
            """;

    private static final String NEIGHBOURHOODS_OF_TEAM =
            """
            UNWIND $keys AS key
            MATCH (:Team {id: key})-[:SERVES]->(n:Neighbourhood)
            RETURN key, n AS value ORDER BY n.code
            """;

    private static final String ORGANISATION_NAME_TAKEN =
            """
            RETURN EXISTS { MATCH (o:Organisation {name: $name}) WHERE o.id <> coalesce($id, '') } AS taken
            """;

    private static final String CREATE_ORGANISATION =
            """
            CREATE (o:Organisation {id: $id, name: $name, kind: $kind, careLine: $careLine,
                                    createdBy: $createdBy, clientMutationId: $clientMutationId})
            RETURN o AS value
            """;

    /** The organisation an earlier call of this administrator with the same key made. */
    private static final String ORGANISATION_CREATED_BEFORE =
            """
            MATCH (o:Organisation {clientMutationId: $clientMutationId})
            WHERE o.createdBy = $createdBy
            RETURN o AS value
            """;

    private static final String UPDATE_ORGANISATION =
            """
            MATCH (o:Organisation {id: $id})
            SET o.name = coalesce($name, o.name), o.kind = coalesce($kind, o.kind),
                o.careLine = coalesce($careLine, o.careLine)
            RETURN o AS value
            """;

    /**
     * Per neighbourhood: its households, and per household the active involvements on it or a member and the
     * organisations behind them, folded into counts.
     */
    private static final String COUNT_NEIGHBOURHOODS =
            """
            UNWIND $codes AS code
            MATCH (n:Neighbourhood {code: code})
            OPTIONAL MATCH (n)<-[:LOCATED_IN]-(h:Household)
            CALL (h) {
              OPTIONAL MATCH (h)<-[:MEMBER_OF*0..1]-(target)<-[:CONCERNS]-(i:Involvement {status: 'ACTIVE'})
                    -[:ON_BEHALF_OF]->(o:Organisation)
              RETURN count(DISTINCT i) AS involvements, count(DISTINCT o) AS organisations,
                     COUNT { (h)<-[:MEMBER_OF]-(:Resident) } AS residents,
                     EXISTS { (h)<-[:COORDINATES]-(:Professional) } AS coordinated
            }
            WITH code, h, involvements, organisations, residents, coordinated
            WITH code, {
                   households: count(h),
                   residents: sum(residents),
                   householdsWithInvolvement: count(CASE WHEN involvements > 0 THEN h END),
                   activeInvolvements: sum(involvements),
                   threeOrMore: count(CASE WHEN organisations >= 3 THEN h END),
                   threeOrMoreWithoutCoordinator: count(CASE WHEN organisations >= 3 AND NOT coordinated THEN h END)
                 } AS figures
            MERGE (c:NeighbourhoodCount {key: code + '/' + $month})
            ON CREATE SET c += figures, c.neighbourhood = code, c.month = $month, c.countedOn = date($today)
            """;

    private static final String NEIGHBOURHOOD_COUNTS =
            """
            UNWIND $codes AS code
            MATCH (c:NeighbourhoodCount {key: code + '/' + $month})
            RETURN code, c {.*} AS value
            """;

    private static final String ALL_NEIGHBOURHOOD_CODES = "MATCH (n:Neighbourhood) RETURN n.code AS code";

    private final GraphQueries queries;
    private final Neo4jClient client;

    DirectoryQueries(GraphQueries queries, Neo4jClient client) {
        this.queries = queries;
        this.client = client;
    }

    Optional<Municipality> municipality() {
        return queries.single(MUNICIPALITY, Map.of(), Municipality::from);
    }

    Map<Municipality, List<District>> districtsOf(List<Municipality> municipalities) {
        return queries.many(DISTRICTS_OF_MUNICIPALITY, municipalities, Municipality::code, District::from);
    }

    Map<District, Municipality> municipalityOf(List<District> districts) {
        return queries.one(MUNICIPALITY_OF_DISTRICT, districts, District::code, Municipality::from);
    }

    Map<District, List<Neighbourhood>> neighbourhoodsOf(List<District> districts) {
        return queries.many(NEIGHBOURHOODS_OF_DISTRICT, districts, District::code, Neighbourhood::from);
    }

    Window<Neighbourhood> neighbourhoods(ScrollSubrange subrange) {
        return queries.page(
                "MATCH (n:Neighbourhood)",
                "n.code",
                "n.code",
                "n",
                Map.of(),
                subrange,
                Neighbourhood::from,
                neighbourhood -> new Paging.Position(neighbourhood.code(), neighbourhood.code()));
    }

    Map<Neighbourhood, District> districtOf(List<Neighbourhood> neighbourhoods) {
        return queries.one(DISTRICT_OF_NEIGHBOURHOOD, neighbourhoods, Neighbourhood::code, District::from);
    }

    Map<Neighbourhood, List<Team>> teamsServing(List<Neighbourhood> neighbourhoods) {
        return queries.many(TEAMS_OF_NEIGHBOURHOOD, neighbourhoods, Neighbourhood::code, Team::from);
    }

    Window<Organisation> organisations(ScrollSubrange subrange) {
        return queries.page(
                "MATCH (n:Organisation)",
                "n.name",
                "n.id",
                "n",
                Map.of(),
                subrange,
                Organisation::from,
                organisation -> new Paging.Position(organisation.name(), organisation.id()));
    }

    Map<Organisation, List<Professional>> professionalsOf(List<Organisation> organisations) {
        return queries.many(PROFESSIONALS_OF_ORGANISATION, organisations, Organisation::id, Professional::from);
    }

    Map<Organisation, List<Team>> teamsOf(List<Organisation> organisations) {
        return queries.many(TEAMS_OF_ORGANISATION, organisations, Organisation::id, Team::from);
    }

    Window<Professional> professionals(ScrollSubrange subrange) {
        return queries.page(
                "MATCH (n:Professional)",
                "n.name",
                "n.id",
                "n",
                Map.of(),
                subrange,
                Professional::from,
                professional -> new Paging.Position(professional.name(), professional.id()));
    }

    Map<Professional, Organisation> organisationOf(List<Professional> professionals) {
        return queries.one(ORGANISATION_OF_PROFESSIONAL, professionals, Professional::id, Organisation::from);
    }

    Map<Professional, List<Team>> teamsOfProfessionals(List<Professional> professionals) {
        return queries.many(TEAMS_OF_PROFESSIONAL, professionals, Professional::id, Team::from);
    }

    Map<Professional, List<Professional>> collaboratorsOf(List<Professional> professionals) {
        return queries.many(COLLABORATORS_OF_PROFESSIONAL, professionals, Professional::id, Professional::from);
    }

    Window<Team> teams(ScrollSubrange subrange) {
        return queries.page(
                "MATCH (n:Team)",
                "n.name",
                "n.id",
                "n",
                Map.of(),
                subrange,
                Team::from,
                team -> new Paging.Position(team.name(), team.id()));
    }

    Map<Team, List<Professional>> membersOf(List<Team> teams) {
        return queries.many(MEMBERS_OF_TEAM, teams, Team::id, Professional::from);
    }

    Map<Team, List<Organisation>> organisationsOf(List<Team> teams) {
        return queries.many(ORGANISATIONS_OF_TEAM, teams, Team::id, Organisation::from);
    }

    Map<Team, List<Neighbourhood>> neighbourhoodsServedBy(List<Team> teams) {
        return queries.many(NEIGHBOURHOODS_OF_TEAM, teams, Team::id, Neighbourhood::from);
    }

    /** Whether another organisation than {@code exceptId} (null: any) has this name. */
    boolean organisationNameTaken(String name, String exceptId) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("name", name);
        parameters.put("id", exceptId);
        return client.query(ORGANISATION_NAME_TAKEN)
                .bindAll(parameters)
                .fetchAs(Boolean.class)
                .one()
                .orElse(false);
    }

    /** The organisation an earlier call of {@code $createdBy} with {@code $clientMutationId} made. */
    Optional<Organisation> organisationCreatedBefore(Map<String, Object> parameters) {
        return organisation(ORGANISATION_CREATED_BEFORE, parameters);
    }

    Optional<Organisation> createOrganisation(Map<String, Object> parameters) {
        return organisation(CREATE_ORGANISATION, parameters);
    }

    /** Sets the name, kind and care line given (non-null) of organisation {@code $id}; empty when there is none. */
    Optional<Organisation> updateOrganisation(Map<String, Object> parameters) {
        return organisation(UPDATE_ORGANISATION, parameters);
    }

    private Optional<Organisation> organisation(String cypher, Map<String, Object> parameters) {
        return client.query(cypher)
                .bindAll(parameters)
                .fetchAs(Organisation.class)
                .mappedBy((types, row) -> Organisation.from(row.get("value")))
                .one();
    }

    /** Counts the neighbourhoods for the month, keeping the count of one that has one already. */
    void countNeighbourhoods(List<String> codes, String month, String today) {
        client.query(COUNT_NEIGHBOURHOODS)
                .bindAll(Map.of("codes", codes, "month", month, "today", today))
                .run();
    }

    /** The month's kept counts of those of the neighbourhoods that have one, by code. */
    Map<String, MapAccessor> neighbourhoodCounts(List<String> codes, String month) {
        Map<String, MapAccessor> counted = new HashMap<>();
        client.query(NEIGHBOURHOOD_COUNTS)
                .bindAll(Map.of("codes", codes, "month", month))
                .fetchAs(Map.Entry.class)
                .mappedBy((types, row) -> Map.entry(row.get("code").asString(), row.get("value")))
                .all()
                .forEach(entry -> counted.put((String) entry.getKey(), (MapAccessor) entry.getValue()));
        return counted;
    }

    List<String> allNeighbourhoodCodes() {
        return new ArrayList<>(client.query(ALL_NEIGHBOURHOOD_CODES)
                .fetchAs(String.class)
                .mappedBy((types, row) -> row.get("code").asString())
                .all());
    }
}

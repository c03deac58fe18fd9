package nl.nabij.seed;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import nl.nabij.seed.SeedData.Application;
import nl.nabij.seed.SeedData.District;
import nl.nabij.seed.SeedData.Household;
import nl.nabij.seed.SeedData.Involvement;
import nl.nabij.seed.SeedData.Member;
import nl.nabij.seed.SeedData.Neighbourhood;
import nl.nabij.seed.SeedData.Professional;
import nl.nabij.seed.SeedData.Team;
import nl.nabij.seed.SeedData.VindplaatsContact;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the committed seed files ({@link SeedData#fromClasspath()}) into Neo4j, following the graph model.
 *
 * <p>Every node is merged on its key and every relationship on its two ends, and the properties are set afterwards,
 * so loading again leaves the same graph. Rows go in batches of at most {@value #BATCH_SIZE}, each in its own write
 * transaction. A BSN never reaches the database: each resident is stored with the pseudonym that the given function
 * makes of it.
 */
public final class DemoDataLoader {

    static final int BATCH_SIZE = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);

    private static final String MUNICIPALITIES =
            """
            UNWIND $rows AS row
            MERGE (m:Municipality {code: row.code})
            SET m.name = row.name
            RETURN count(*) AS written""";

    private static final String DISTRICTS =
            """
            UNWIND $rows AS row
            MATCH (m:Municipality {code: row.municipalityCode})
            MERGE (d:District {code: row.code})
            SET d.name = row.name
            MERGE (d)-[:PART_OF]->(m)
            RETURN count(*) AS written""";

    private static final String NEIGHBOURHOODS =
            """
            UNWIND $rows AS row
            MATCH (d:District {code: row.districtCode})
            MERGE (n:Neighbourhood {code: row.code})
            SET n.name = row.name
            MERGE (n)-[:PART_OF]->(d)
            RETURN count(*) AS written""";

    private static final String POSTCODE_AREAS =
            """
            UNWIND $rows AS row
            MATCH (n:Neighbourhood {code: row.neighbourhoodCode})
            MERGE (a:PostcodeArea {code: row.code})
            MERGE (a)-[:LIES_IN]->(n)
            RETURN count(*) AS written""";

    private static final String ORGANISATIONS =
            """
            UNWIND $rows AS row
            MERGE (o:Organisation {id: row.id})
            SET o.name = row.name, o.kind = row.kind, o.careLine = row.careLine
            RETURN count(*) AS written""";

    private static final String VINDPLAATSEN =
            """
            UNWIND $rows AS row
            MATCH (n:Neighbourhood {code: row.neighbourhoodCode})
            MERGE (v:Vindplaats {id: row.id})
            SET v.name = row.name, v.kind = row.kind, v.category = row.category, v.isPublic = row.isPublic, v.description = row.description, v.street = row.street,
                v.houseNumber = row.houseNumber, v.postcode = row.postcode, v.city = row.city
            MERGE (v)-[:LOCATED_IN]->(n)
            RETURN count(*) AS written""";

    private static final String TEAMS =
            """
            UNWIND $rows AS row
            MERGE (t:Team {id: row.id})
            SET t.name = row.name
            RETURN count(*) AS written""";

    private static final String SERVES =
            """
            UNWIND $rows AS row
            MATCH (t:Team {id: row.teamId})
            MATCH (n:Neighbourhood {code: row.neighbourhoodCode})
            MERGE (t)-[:SERVES]->(n)
            RETURN count(*) AS written""";

    private static final String IN_CONTACT_WITH =
            """
            UNWIND $rows AS row
            MATCH (t:Team {id: row.teamId})
            MATCH (v:Vindplaats {id: row.vindplaatsId})
            MERGE (t)-[c:IN_CONTACT_WITH]->(v)
            SET c.since = row.since
            RETURN count(*) AS written""";

    private static final String PROFESSIONALS =
            """
            UNWIND $rows AS row
            MATCH (o:Organisation {id: row.organisationId})
            MERGE (p:Professional {id: row.id})
            SET p.name = row.name, p.discipline = row.discipline
            MERGE (p)-[:EMPLOYED_BY]->(o)
            RETURN count(*) AS written""";

    private static final String SECONDED_TO =
            """
            UNWIND $rows AS row
            MATCH (p:Professional {id: row.professionalId})
            MATCH (t:Team {id: row.teamId})
            MERGE (p)-[s:SECONDED_TO]->(t)
            SET s.since = row.since
            RETURN count(*) AS written""";

    // Setting houseNumberAddition to null removes it, which is how the model spells "no addition".
    private static final String HOUSEHOLDS =
            """
            UNWIND $rows AS row
            MATCH (n:Neighbourhood {code: row.neighbourhoodCode})
            MERGE (h:Household {id: row.id})
            SET h.postcode = row.postcode, h.houseNumber = row.houseNumber,
                h.houseNumberAddition = row.houseNumberAddition
            MERGE (h)-[:LOCATED_IN]->(n)
            RETURN count(*) AS written""";

    private static final String RESIDENTS =
            """
            UNWIND $rows AS row
            MATCH (h:Household {id: row.householdId})
            MERGE (r:Resident {id: row.id})
            SET r.pseudonym = row.pseudonym, r.displayName = row.displayName, r.birthYear = row.birthYear
            MERGE (r)-[m:MEMBER_OF]->(h)
            SET m.role = row.role
            RETURN count(*) AS written""";

    private static final String INVOLVEMENTS =
            """
            UNWIND $rows AS row
            MATCH (p:Professional {id: row.professionalId})
            MATCH (o:Organisation {id: row.organisationId})
            MERGE (i:Involvement {id: row.id})
            SET i.domain = row.domain, i.since = row.since, i.until = row.until, i.status = row.status,
                i.endReason = row.endReason
            MERGE (p)-[:REGISTERED]->(i)
            MERGE (i)-[:ON_BEHALF_OF]->(o)
            RETURN count(*) AS written""";

    private static final String CONCERNS_HOUSEHOLD =
            """
            UNWIND $rows AS row
            MATCH (i:Involvement {id: row.id})
            MATCH (h:Household {id: row.householdId})
            MERGE (i)-[:CONCERNS]->(h)
            RETURN count(*) AS written""";

    private static final String CONCERNS_RESIDENT =
            """
            UNWIND $rows AS row
            MATCH (i:Involvement {id: row.id})
            MATCH (r:Resident {id: row.residentId})
            MERGE (i)-[:CONCERNS]->(r)
            RETURN count(*) AS written""";

    private static final String VIA =
            """
            UNWIND $rows AS row
            MATCH (i:Involvement {id: row.id})
            MATCH (t:Team {id: row.teamId})
            MERGE (i)-[:VIA]->(t)
            RETURN count(*) AS written""";

    private static final String COORDINATES =
            """
            UNWIND $rows AS row
            MATCH (p:Professional {id: row.professionalId})
            MATCH (h:Household {id: row.householdId})
            MERGE (p)-[c:COORDINATES]->(h)
            SET c.since = row.since
            RETURN count(*) AS written""";

    // The pair is stored in the direction the file gives it, so a second load finds the same relationship.
    private static final String COLLABORATES_WITH =
            """
            UNWIND $rows AS row
            MATCH (a:Professional {id: row.professionalA})
            MATCH (b:Professional {id: row.professionalB})
            MERGE (a)-[c:COLLABORATES_WITH]->(b)
            SET c.since = row.since, c.kind = row.kind
            RETURN count(*) AS written""";

    private static final String APPLICATIONS =
            """
            UNWIND $rows AS row
            MATCH (t:Team {id: row.teamId})
            MERGE (a:Application {id: row.id})
            SET a.law = row.law, a.submittedOn = row.submittedOn, a.decidedOn = row.decidedOn
            MERGE (a)-[:HANDLED_BY]->(t)
            RETURN count(*) AS written""";

    private static final String FOR_HOUSEHOLD =
            """
            UNWIND $rows AS row
            MATCH (a:Application {id: row.id})
            MATCH (h:Household {id: row.householdId})
            MERGE (a)-[:FOR]->(h)
            RETURN count(*) AS written""";

    private static final String FOR_RESIDENT =
            """
            UNWIND $rows AS row
            MATCH (a:Application {id: row.id})
            MATCH (r:Resident {id: row.residentId})
            MERGE (a)-[:FOR]->(r)
            RETURN count(*) AS written""";

    private final Driver driver;
    private final String database;
    private final UnaryOperator<String> pseudonymiser;

    /**
     * @param driver the driver to write with; the loader does not close it
     * @param database the database to write to, or {@code null} for the server's default database
     * @param pseudonymiser turns a BSN into the pseudonym stored on the resident
     */
    public DemoDataLoader(Driver driver, String database, UnaryOperator<String> pseudonymiser) {
        this.driver = requireNonNull(driver, "driver");
        this.database = database;
        this.pseudonymiser = requireNonNull(pseudonymiser, "pseudonymiser");
    }

    /**
     * Reads the seed files from the class path and merges them into the graph.
     *
     * @throws IllegalStateException when a row refers to a node that is not there, which means the files disagree
     */
    public LoadReport load() {
        SeedData data = SeedData.fromClasspath();
        Map<String, Integer> nodes = new LinkedHashMap<>();
        Map<String, Integer> relationships = new LinkedHashMap<>();
        SessionConfig config = database == null ? SessionConfig.defaultConfig() : SessionConfig.forDatabase(database);
        try (Session session = driver.session(config)) {
            BatchWriter writer = new BatchWriter(session);

            nodes.put("Municipality", writer.write(MUNICIPALITIES, List.of(municipalityRow(data))));
            nodes.put("District", writer.write(DISTRICTS, districtRows(data)));
            nodes.put("Neighbourhood", writer.write(NEIGHBOURHOODS, neighbourhoodRows(data)));
            relationships.put("PART_OF", nodes.get("District") + nodes.get("Neighbourhood"));
            nodes.put("PostcodeArea", writer.write(POSTCODE_AREAS, postcodeAreaRows(data)));
            relationships.put("LIES_IN", nodes.get("PostcodeArea"));

            nodes.put("Organisation", writer.write(ORGANISATIONS, organisationRows(data)));
            nodes.put("Vindplaats", writer.write(VINDPLAATSEN, vindplaatsRows(data)));
            nodes.put("Team", writer.write(TEAMS, teamRows(data)));
            relationships.put("SERVES", writer.write(SERVES, servesRows(data)));
            relationships.put("IN_CONTACT_WITH", writer.write(IN_CONTACT_WITH, contactRows(data)));

            nodes.put("Professional", writer.write(PROFESSIONALS, professionalRows(data)));
            relationships.put("EMPLOYED_BY", nodes.get("Professional"));
            relationships.put("SECONDED_TO", writer.write(SECONDED_TO, secondmentRows(data)));

            nodes.put("Household", writer.write(HOUSEHOLDS, householdRows(data)));
            relationships.put("LOCATED_IN", nodes.get("Household") + nodes.get("Vindplaats"));
            nodes.put("Resident", writer.write(RESIDENTS, residentRows(data)));
            relationships.put("MEMBER_OF", nodes.get("Resident"));

            List<Map<String, Object>> involvements = involvementRows(data);
            nodes.put("Involvement", writer.write(INVOLVEMENTS, involvements));
            relationships.put("REGISTERED", nodes.get("Involvement"));
            relationships.put("ON_BEHALF_OF", nodes.get("Involvement"));
            relationships.put(
                    "CONCERNS",
                    writer.write(CONCERNS_HOUSEHOLD, withValue(involvements, "householdId"))
                            + writer.write(CONCERNS_RESIDENT, withValue(involvements, "residentId")));
            relationships.put("VIA", writer.write(VIA, withValue(involvements, "teamId")));

            relationships.put("COORDINATES", writer.write(COORDINATES, coordinatorRows(data)));
            relationships.put("COLLABORATES_WITH", writer.write(COLLABORATES_WITH, collaborationRows(data)));

            List<Map<String, Object>> applications = applicationRows(data);
            nodes.put("Application", writer.write(APPLICATIONS, applications));
            relationships.put("HANDLED_BY", nodes.get("Application"));
            relationships.put(
                    "FOR",
                    writer.write(FOR_HOUSEHOLD, withValue(applications, "householdId"))
                            + writer.write(FOR_RESIDENT, withValue(applications, "residentId")));
        }
        LoadReport report = new LoadReport(nodes, relationships);
        LOG.info(
                "Loaded the demo municipality {}: {} nodes, {} relationships",
                data.municipality().name(),
                report.nodeCount(),
                report.relationshipCount());
        return report;
    }

    private static Map<String, Object> municipalityRow(SeedData data) {
        return row(
                "code", data.municipality().code(), "name", data.municipality().name());
    }

    private static List<Map<String, Object>> districtRows(SeedData data) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (District district : data.municipality().districts()) {
            rows.add(row(
                    "code",
                    district.code(),
                    "name",
                    district.name(),
                    "municipalityCode",
                    data.municipality().code()));
        }
        return rows;
    }

    private static List<Map<String, Object>> neighbourhoodRows(SeedData data) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (District district : data.municipality().districts()) {
            for (Neighbourhood neighbourhood : district.neighbourhoods()) {
                rows.add(row(
                        "code", neighbourhood.code(), "name", neighbourhood.name(), "districtCode", district.code()));
            }
        }
        return rows;
    }

    private static List<Map<String, Object>> postcodeAreaRows(SeedData data) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (District district : data.municipality().districts()) {
            for (Neighbourhood neighbourhood : district.neighbourhoods()) {
                for (String area : neighbourhood.postcodeAreas()) {
                    rows.add(row("code", area, "neighbourhoodCode", neighbourhood.code()));
                }
            }
        }
        return rows;
    }

    private static List<Map<String, Object>> organisationRows(SeedData data) {
        return data.organisations().stream()
                .map(organisation -> row(
                        "id",
                        organisation.id(),
                        "name",
                        organisation.name(),
                        "kind",
                        organisation.kind().name(),
                        "careLine",
                        organisation.careLine().name()))
                .toList();
    }

    private static List<Map<String, Object>> vindplaatsRows(SeedData data) {
        return data.vindplaatsen().stream()
                .map(vindplaats -> row(
                        "id",
                        vindplaats.id(),
                        "name",
                        vindplaats.name(),
                        "kind",
                        vindplaats.kind().name(),
                        "category",
                        vindplaats.category().name(),
                        "neighbourhoodCode",
                        vindplaats.neighbourhoodCode(),
                        "isPublic",
                        vindplaats.publicListing() != null,
                        "description",
                        listing(vindplaats, SeedData.PublicListing::description),
                        "street",
                        listing(vindplaats, SeedData.PublicListing::street),
                        "houseNumber",
                        listing(vindplaats, SeedData.PublicListing::houseNumber),
                        "postcode",
                        listing(vindplaats, SeedData.PublicListing::postcode),
                        "city",
                        listing(vindplaats, SeedData.PublicListing::city)))
                .toList();
    }

    private static Object listing(SeedData.Vindplaats vindplaats, Function<SeedData.PublicListing, Object> field) {
        return vindplaats.publicListing() == null ? null : field.apply(vindplaats.publicListing());
    }

    private static List<Map<String, Object>> teamRows(SeedData data) {
        return data.teams().stream()
                .map(team -> row("id", team.id(), "name", team.name()))
                .toList();
    }

    private static List<Map<String, Object>> servesRows(SeedData data) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Team team : data.teams()) {
            for (String neighbourhoodCode : team.serves()) {
                rows.add(row("teamId", team.id(), "neighbourhoodCode", neighbourhoodCode));
            }
        }
        return rows;
    }

    private static List<Map<String, Object>> contactRows(SeedData data) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Team team : data.teams()) {
            for (VindplaatsContact contact : team.vindplaatsContacts()) {
                rows.add(row("teamId", team.id(), "vindplaatsId", contact.vindplaatsId(), "since", contact.since()));
            }
        }
        return rows;
    }

    private static List<Map<String, Object>> professionalRows(SeedData data) {
        return data.professionals().stream()
                .map(professional -> row(
                        "id",
                        professional.id(),
                        "name",
                        professional.name(),
                        "discipline",
                        professional.discipline().name(),
                        "organisationId",
                        professional.organisationId()))
                .toList();
    }

    private static List<Map<String, Object>> secondmentRows(SeedData data) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Professional professional : data.professionals()) {
            if (professional.teamId() != null) {
                rows.add(row(
                        "professionalId",
                        professional.id(),
                        "teamId",
                        professional.teamId(),
                        "since",
                        professional.secondedSince()));
            }
        }
        return rows;
    }

    private static List<Map<String, Object>> householdRows(SeedData data) {
        return data.households().stream()
                .map(household -> row(
                        "id",
                        household.id(),
                        "postcode",
                        household.postcode(),
                        "houseNumber",
                        household.houseNumber(),
                        "houseNumberAddition",
                        household.houseNumberAddition(),
                        "neighbourhoodCode",
                        household.neighbourhoodCode()))
                .toList();
    }

    private List<Map<String, Object>> residentRows(SeedData data) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Household household : data.households()) {
            for (Member member : household.members()) {
                rows.add(row(
                        "id",
                        member.id(),
                        "pseudonym",
                        requireNonNull(pseudonymiser.apply(member.bsn()), "pseudonym"),
                        "displayName",
                        member.displayName(),
                        "birthYear",
                        member.birthYear(),
                        "householdId",
                        household.id(),
                        "role",
                        member.role().name()));
            }
        }
        return rows;
    }

    private static List<Map<String, Object>> involvementRows(SeedData data) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Involvement involvement : data.involvements()) {
            rows.add(row(
                    "id",
                    involvement.id(),
                    "professionalId",
                    involvement.professionalId(),
                    "organisationId",
                    involvement.organisationId(),
                    "teamId",
                    involvement.teamId(),
                    "householdId",
                    involvement.target().householdId(),
                    "residentId",
                    involvement.target().residentId(),
                    "domain",
                    involvement.domain().name(),
                    "since",
                    involvement.since(),
                    "until",
                    involvement.until(),
                    "status",
                    involvement.status().name(),
                    "endReason",
                    involvement.endReason() == null
                            ? null
                            : involvement.endReason().name()));
        }
        return rows;
    }

    private static List<Map<String, Object>> coordinatorRows(SeedData data) {
        return data.coordinators().stream()
                .map(coordinator -> row(
                        "householdId",
                        coordinator.householdId(),
                        "professionalId",
                        coordinator.professionalId(),
                        "since",
                        coordinator.since()))
                .toList();
    }

    private static List<Map<String, Object>> collaborationRows(SeedData data) {
        return data.collaborations().stream()
                .map(collaboration -> row(
                        "professionalA",
                        collaboration.professionalA(),
                        "professionalB",
                        collaboration.professionalB(),
                        "since",
                        collaboration.since(),
                        "kind",
                        collaboration.kind().name()))
                .toList();
    }

    private static List<Map<String, Object>> applicationRows(SeedData data) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Application application : data.applications()) {
            rows.add(row(
                    "id",
                    application.id(),
                    "law",
                    application.law().name(),
                    "householdId",
                    application.target().householdId(),
                    "residentId",
                    application.target().residentId(),
                    "teamId",
                    application.teamId(),
                    "submittedOn",
                    application.submittedOn(),
                    "decidedOn",
                    application.decidedOn()));
        }
        return rows;
    }

    private static List<Map<String, Object>> withValue(List<Map<String, Object>> rows, String key) {
        return rows.stream().filter(row -> row.get(key) != null).toList();
    }

    // Map.of refuses nulls, and an absent optional value has to reach Cypher as null so that SET removes it.
    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    /** Runs one statement over all rows, a batch per write transaction, and checks that no row was dropped. */
    private record BatchWriter(Session session) {

        int write(String query, List<Map<String, Object>> rows) {
            int written = 0;
            for (int from = 0; from < rows.size(); from += BATCH_SIZE) {
                List<Map<String, Object>> batch = rows.subList(from, Math.min(from + BATCH_SIZE, rows.size()));
                written += session.executeWrite(tx -> tx.run(query, Map.<String, Object>of("rows", batch))
                        .single()
                        .get("written")
                        .asInt());
            }
            if (written != rows.size()) {
                throw new IllegalStateException("Wrote " + written + " of " + rows.size()
                        + " seed rows: a row refers to a node that is missing. Statement:\n" + query);
            }
            return written;
        }
    }
}

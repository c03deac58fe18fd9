package nl.nabij.seed.city;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.nabij.seed.city.CityRecord.Application;
import nl.nabij.seed.city.CityRecord.Collaboration;
import nl.nabij.seed.city.CityRecord.Contact;
import nl.nabij.seed.city.CityRecord.Coordinator;
import nl.nabij.seed.city.CityRecord.District;
import nl.nabij.seed.city.CityRecord.Household;
import nl.nabij.seed.city.CityRecord.Involvement;
import nl.nabij.seed.city.CityRecord.Municipality;
import nl.nabij.seed.city.CityRecord.Neighbourhood;
import nl.nabij.seed.city.CityRecord.Organisation;
import nl.nabij.seed.city.CityRecord.Professional;
import nl.nabij.seed.city.CityRecord.Resident;
import nl.nabij.seed.city.CityRecord.Team;
import nl.nabij.seed.city.CityRecord.Vindplaats;

/**
 * The Cypher that writes each kind of city record, one {@code UNWIND} over a batch of rows, in the order a batch runs
 * them: everything a statement matches on is written by an earlier statement or an earlier batch.
 *
 * <p>Nodes are created, not merged: the loader's progress node makes sure no batch is written twice, and creating
 * skips the lookup a merge needs. The model's uniqueness constraints still guard every key, so a batch written twice
 * by mistake fails instead of doubling the city. Every statement returns how many rows it wrote, and a missing node
 * it matches on shows up as a row short.
 */
final class CityStatements {

    record Statement<T extends CityRecord>(Class<T> type, String cypher, Function<T, Map<String, Object>> row) {}

    static final List<Statement<?>> IN_ORDER = List.of(
            new Statement<>(
                    Municipality.class,
                    """
                    UNWIND $rows AS row
                    CREATE (:Municipality {code: row.code, name: row.name})
                    RETURN count(*) AS written""",
                    m -> row("code", m.code(), "name", m.name())),
            new Statement<>(
                    District.class,
                    """
                    UNWIND $rows AS row
                    MATCH (m:Municipality {code: row.municipalityCode})
                    CREATE (:District {code: row.code, name: row.name})-[:PART_OF]->(m)
                    RETURN count(*) AS written""",
                    d -> row("code", d.code(), "name", d.name(), "municipalityCode", d.municipalityCode())),
            new Statement<>(
                    Neighbourhood.class,
                    """
                    UNWIND $rows AS row
                    MATCH (d:District {code: row.districtCode})
                    CREATE (:Neighbourhood {code: row.code, name: row.name})-[:PART_OF]->(d)
                    RETURN count(*) AS written""",
                    n -> row("code", n.code(), "name", n.name(), "districtCode", n.districtCode())),
            new Statement<>(
                    Organisation.class,
                    """
                    UNWIND $rows AS row
                    CREATE (:Organisation {id: row.id, name: row.name, kind: row.kind, careLine: row.careLine})
                    RETURN count(*) AS written""",
                    o -> row(
                            "id",
                            o.id(),
                            "name",
                            o.name(),
                            "kind",
                            o.kind().name(),
                            "careLine",
                            o.careLine().name())),
            new Statement<>(
                    Team.class,
                    """
                    UNWIND $rows AS row
                    CREATE (t:Team {id: row.id, name: row.name})
                    WITH t, row
                    CALL (t, row) {
                      UNWIND row.serves AS code
                      MATCH (n:Neighbourhood {code: code})
                      CREATE (t)-[:SERVES]->(n)
                      RETURN count(*) AS served
                    }
                    WITH row WHERE served = size(row.serves)
                    RETURN count(*) AS written""",
                    t -> row("id", t.id(), "name", t.name(), "serves", t.serves())),
            new Statement<>(
                    Vindplaats.class,
                    """
                    UNWIND $rows AS row
                    MATCH (n:Neighbourhood {code: row.neighbourhoodCode})
                    CREATE (:Vindplaats {id: row.id, name: row.name, kind: row.kind, category: row.category})
                           -[:LOCATED_IN]->(n)
                    RETURN count(*) AS written""",
                    v -> row(
                            "id",
                            v.id(),
                            "name",
                            v.name(),
                            "kind",
                            v.kind().name(),
                            "category",
                            v.category().name(),
                            "neighbourhoodCode",
                            v.neighbourhoodCode())),
            new Statement<>(
                    Contact.class,
                    """
                    UNWIND $rows AS row
                    MATCH (t:Team {id: row.teamId})
                    MATCH (v:Vindplaats {id: row.vindplaatsId})
                    CREATE (t)-[:IN_CONTACT_WITH {since: row.since}]->(v)
                    RETURN count(*) AS written""",
                    c -> row("teamId", c.teamId(), "vindplaatsId", c.vindplaatsId(), "since", c.since())),
            new Statement<>(
                    Professional.class,
                    """
                    UNWIND $rows AS row
                    MATCH (o:Organisation {id: row.organisationId})
                    OPTIONAL MATCH (t:Team {id: row.teamId})
                    CREATE (p:Professional {id: row.id, name: row.name, discipline: row.discipline})
                           -[:EMPLOYED_BY]->(o)
                    FOREACH (team IN CASE WHEN t IS NULL THEN [] ELSE [t] END |
                      CREATE (p)-[:SECONDED_TO {since: row.secondedSince}]->(team))
                    WITH row, t WHERE (t IS NULL) = (row.teamId IS NULL)
                    RETURN count(*) AS written""",
                    p -> row(
                            "id",
                            p.id(),
                            "name",
                            p.name(),
                            "discipline",
                            p.discipline().name(),
                            "organisationId",
                            p.organisationId(),
                            "teamId",
                            p.teamId(),
                            "secondedSince",
                            p.secondedSince())),
            new Statement<>(
                    Collaboration.class,
                    """
                    UNWIND $rows AS row
                    MATCH (a:Professional {id: row.professionalA})
                    MATCH (b:Professional {id: row.professionalB})
                    CREATE (a)-[:COLLABORATES_WITH {since: row.since, kind: row.kind}]->(b)
                    RETURN count(*) AS written""",
                    c -> row(
                            "professionalA",
                            c.professionalA(),
                            "professionalB",
                            c.professionalB(),
                            "since",
                            c.since(),
                            "kind",
                            c.kind().name())),
            // A household and its members in one row: the members need no lookup of the household they join.
            new Statement<>(
                    Household.class,
                    """
                    UNWIND $rows AS row
                    MATCH (n:Neighbourhood {code: row.neighbourhoodCode})
                    CREATE (h:Household {id: row.id, postcode: row.postcode, houseNumber: row.houseNumber,
                                         houseNumberAddition: row.houseNumberAddition})-[:LOCATED_IN]->(n)
                    WITH h, row
                    CALL (h, row) {
                      UNWIND row.members AS member
                      CREATE (:Resident {id: member.id, pseudonym: member.pseudonym, displayName: member.displayName,
                                         birthYear: member.birthYear})-[:MEMBER_OF {role: member.role}]->(h)
                    }
                    RETURN count(*) AS written""",
                    h -> row(
                            "id",
                            h.id(),
                            "postcode",
                            h.postcode(),
                            "houseNumber",
                            h.houseNumber(),
                            "houseNumberAddition",
                            h.houseNumberAddition(),
                            "neighbourhoodCode",
                            h.neighbourhoodCode(),
                            "members",
                            h.members().stream().map(CityStatements::member).toList())),
            new Statement<>(
                    Involvement.class,
                    """
                    UNWIND $rows AS row
                    MATCH (p:Professional {id: row.professionalId})
                    MATCH (o:Organisation {id: row.organisationId})
                    OPTIONAL MATCH (household:Household {id: row.householdId})
                    OPTIONAL MATCH (resident:Resident {id: row.residentId})
                    OPTIONAL MATCH (t:Team {id: row.teamId})
                    WITH p, o, t, row, coalesce(household, resident) AS target
                    WHERE target IS NOT NULL AND (t IS NULL) = (row.teamId IS NULL)
                    CREATE (p)-[:REGISTERED]->(i:Involvement {id: row.id, domain: row.domain, since: row.since,
                                                             until: row.until, status: row.status,
                                                             endReason: row.endReason})-[:ON_BEHALF_OF]->(o)
                    CREATE (i)-[:CONCERNS]->(target)
                    FOREACH (team IN CASE WHEN t IS NULL THEN [] ELSE [t] END | CREATE (i)-[:VIA]->(team))
                    RETURN count(*) AS written""",
                    i -> row(
                            "id",
                            i.id(),
                            "professionalId",
                            i.professionalId(),
                            "organisationId",
                            i.organisationId(),
                            "teamId",
                            i.teamId(),
                            "householdId",
                            i.householdId(),
                            "residentId",
                            i.residentId(),
                            "domain",
                            i.domain().name(),
                            "since",
                            i.since(),
                            "until",
                            i.until(),
                            "status",
                            i.status().name(),
                            "endReason",
                            i.endReason() == null ? null : i.endReason().name())),
            new Statement<>(
                    Coordinator.class,
                    """
                    UNWIND $rows AS row
                    MATCH (p:Professional {id: row.professionalId})
                    MATCH (h:Household {id: row.householdId})
                    CREATE (p)-[:COORDINATES {since: row.since}]->(h)
                    RETURN count(*) AS written""",
                    c -> row("professionalId", c.professionalId(), "householdId", c.householdId(), "since", c.since())),
            new Statement<>(
                    Application.class,
                    """
                    UNWIND $rows AS row
                    MATCH (t:Team {id: row.teamId})
                    OPTIONAL MATCH (household:Household {id: row.householdId})
                    OPTIONAL MATCH (resident:Resident {id: row.residentId})
                    WITH t, row, coalesce(household, resident) AS applicant
                    WHERE applicant IS NOT NULL
                    CREATE (a:Application {id: row.id, law: row.law, submittedOn: row.submittedOn,
                                           decidedOn: row.decidedOn})-[:HANDLED_BY]->(t)
                    CREATE (a)-[:FOR]->(applicant)
                    RETURN count(*) AS written""",
                    a -> row(
                            "id",
                            a.id(),
                            "law",
                            a.law().name(),
                            "submittedOn",
                            a.submittedOn(),
                            "decidedOn",
                            a.decidedOn(),
                            "householdId",
                            a.householdId(),
                            "residentId",
                            a.residentId(),
                            "teamId",
                            a.teamId())));

    private CityStatements() {}

    private static Map<String, Object> member(Resident resident) {
        return row(
                "id",
                resident.id(),
                "pseudonym",
                resident.pseudonym(),
                "displayName",
                resident.displayName(),
                "birthYear",
                resident.birthYear(),
                "role",
                resident.role().name());
    }

    // Map.of refuses nulls, and an absent optional value reaches Cypher as null so that CREATE leaves it out.
    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}

package nl.nabij.network;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.nabij.database.GraphQueries;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;
import org.springframework.stereotype.Component;

/** The two reads of the network: which neighbourhoods a code covers, and everything about them on a day. */
@Component
class NetworkQueries {

    private static final String AREA =
            """
            OPTIONAL MATCH (single:Neighbourhood {code: $code})
            OPTIONAL MATCH (district:District {code: $code})
            WITH coalesce(single, district) AS area, single IS NOT NULL AS isNeighbourhood
            WHERE area IS NOT NULL
            RETURN {code: area.code, name: area.name,
                    neighbourhoods: CASE WHEN isNeighbourhood THEN [area.code]
                                    ELSE [(n:Neighbourhood)-[:PART_OF]->(area) | n.code] END} AS value
            """;

    /**
     * Everything the network of the area needs, as it stood on {@code $asOf}: active vindplaatsen (not proposed
     * or retired ones), involvements that held that day,
     * secondments, collaborations and contacts that existed by then, and referrals (an involvement ended REFERRED and
     * another organisation's involvement with the same person or household that began after it) made by then.
     */
    private static final String FACTS =
            """
            MATCH (n:Neighbourhood) WHERE n.code IN $codes
            WITH collect(n) AS area
            CALL (area) {
              UNWIND area AS n
              MATCH (t:Team)-[:SERVES]->(n)
              RETURN collect(DISTINCT t {.id, .name}) AS teams, collect({team: t.id, neighbourhood: n.code}) AS serving
            }
            CALL (area) {
              UNWIND area AS n
              MATCH (n)<-[:LOCATED_IN]-(h:Household)<-[:MEMBER_OF*0..1]-()<-[:CONCERNS]-(i:Involvement)
              WHERE i.since <= $asOf AND coalesce(i.until, $asOf) >= $asOf
              MATCH (p:Professional)-[:REGISTERED]->(i)-[:ON_BEHALF_OF]->(o:Organisation)
              RETURN collect(DISTINCT {professional: p.id, organisation: o.id, household: h.id}) AS helping
            }
            CALL (teams) {
              UNWIND teams AS team
              MATCH (p:Professional)-[s:SECONDED_TO]->(:Team {id: team.id}) WHERE coalesce(s.since, $asOf) <= $asOf
              RETURN collect({professional: p.id, team: team.id}) AS secondments
            }
            WITH area, teams, serving, helping, secondments,
                 [x IN helping | x.professional] + [s IN secondments | s.professional] AS involved
            CALL (involved) {
              UNWIND involved AS id
              WITH DISTINCT id
              MATCH (p:Professional {id: id})-[:EMPLOYED_BY]->(o:Organisation)
              RETURN collect(p {.id, .name, .discipline, organisation: o.id}) AS professionals
            }
            CALL (involved) {
              UNWIND involved AS id
              WITH DISTINCT id
              MATCH (a:Professional {id: id})-[c:COLLABORATES_WITH]->(b:Professional)
              WHERE b.id IN involved AND coalesce(c.since, $asOf) <= $asOf
              RETURN collect(DISTINCT {first: a.id, second: b.id}) AS collaborations
            }
            CALL (teams) {
              UNWIND teams AS team
              MATCH (:Team {id: team.id})-[c:IN_CONTACT_WITH]->(v:Vindplaats) WHERE coalesce(c.since, $asOf) <= $asOf
              RETURN collect({team: team.id, vindplaats: v.id}) AS contacts
            }
            CALL (area, contacts) {
              UNWIND area AS n
              MATCH (v:Vindplaats)-[:LOCATED_IN]->(n) WHERE coalesce(v.status, 'ACTIVE') = 'ACTIVE'
              RETURN collect(v {.id, .name, .kind, .category, neighbourhood: n.code}) AS local
            }
            CALL (contacts, local) {
              UNWIND contacts AS c
              MATCH (v:Vindplaats {id: c.vindplaats}) WHERE NOT v.id IN [l IN local | l.id]
              RETURN collect(DISTINCT v {.id, .name, .kind, .category, neighbourhood: null}) AS elsewhere
            }
            CALL (area) {
              UNWIND area AS n
              MATCH (n)<-[:LOCATED_IN]-(:Household)<-[:MEMBER_OF*0..1]-(t)<-[:CONCERNS]-
                    (before:Involvement {endReason: 'REFERRED'})-[:ON_BEHALF_OF]->(from:Organisation)
              WHERE before.until <= $asOf
              MATCH (t)<-[:CONCERNS]-(after:Involvement)-[:ON_BEHALF_OF]->(to:Organisation)
              WHERE to <> from AND after.since >= before.until AND after.since <= $asOf
              RETURN collect({from: from.id, to: to.id}) AS referrals
            }
            WITH teams, serving, helping, secondments, professionals, collaborations, contacts, local + elsewhere AS vindplaatsen,
                 referrals,
                 [x IN helping | x.organisation] + [p IN professionals | p.organisation]
                   + [r IN referrals | r.from] + [r IN referrals | r.to] AS organisationIds
            CALL (organisationIds) {
              UNWIND organisationIds AS id
              WITH DISTINCT id
              MATCH (o:Organisation {id: id})
              RETURN collect(o {.id, .name, .kind}) AS organisations
            }
            RETURN {teams: teams, serving: serving, professionals: professionals, organisations: organisations,
                    vindplaatsen: vindplaatsen, helping: helping, secondments: secondments,
                    collaborations: collaborations, contacts: contacts, referrals: referrals} AS value
            """;

    private final GraphQueries queries;

    NetworkQueries(GraphQueries queries) {
        this.queries = queries;
    }

    /** The area a neighbourhood or district code names, with its neighbourhoods; empty for an unknown code. */
    Optional<NetworkScope> scope(String code, LocalDate asOf) {
        return queries
                .list(
                        AREA,
                        Map.of("code", code),
                        value -> new NetworkScope(
                                value.get("code").asString(),
                                value.get("name").asString(),
                                value.get("neighbourhoods").asList(Value::asString),
                                asOf))
                .stream()
                .findFirst();
    }

    NetworkFacts facts(NetworkScope scope) {
        return queries.list(
                        FACTS,
                        Map.of("codes", scope.neighbourhoodCodes(), "asOf", scope.asOf()),
                        value -> new NetworkFacts(
                                list(value, "teams", v -> new NetworkFacts.Team(text(v, "id"), text(v, "name"))),
                                list(
                                        value,
                                        "serving",
                                        v -> new NetworkFacts.Serving(text(v, "team"), text(v, "neighbourhood"))),
                                list(
                                        value,
                                        "professionals",
                                        v -> new NetworkFacts.Professional(
                                                text(v, "id"),
                                                text(v, "name"),
                                                text(v, "discipline"),
                                                text(v, "organisation"))),
                                list(
                                        value,
                                        "organisations",
                                        v -> new NetworkFacts.Organisation(
                                                text(v, "id"), text(v, "name"), text(v, "kind"))),
                                list(
                                        value,
                                        "vindplaatsen",
                                        v -> new NetworkFacts.Vindplaats(
                                                text(v, "id"),
                                                text(v, "name"),
                                                text(v, "kind"),
                                                text(v, "category"),
                                                text(v, "neighbourhood"))),
                                list(
                                        value,
                                        "helping",
                                        v -> new NetworkFacts.Helping(
                                                text(v, "professional"),
                                                text(v, "organisation"),
                                                text(v, "household"))),
                                list(
                                        value,
                                        "secondments",
                                        v -> new NetworkFacts.Secondment(text(v, "professional"), text(v, "team"))),
                                list(
                                        value,
                                        "collaborations",
                                        v -> new NetworkFacts.Pair(text(v, "first"), text(v, "second"))),
                                list(
                                        value,
                                        "contacts",
                                        v -> new NetworkFacts.Contact(text(v, "team"), text(v, "vindplaats"))),
                                list(
                                        value,
                                        "referrals",
                                        v -> new NetworkFacts.Referral(text(v, "from"), text(v, "to")))))
                .getFirst();
    }

    private static <T> List<T> list(MapAccessor value, String key, Function<Value, T> mapper) {
        return value.get(key).asList(mapper::apply);
    }

    private static String text(Value value, String key) {
        return value.get(key).asString(null);
    }
}

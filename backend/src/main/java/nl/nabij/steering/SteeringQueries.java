package nl.nabij.steering;

import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.nabij.database.GraphQueries;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;
import org.springframework.stereotype.Component;

/** The two steering questions, one statement each; an unknown area gives no answer. */
@Component
class SteeringQueries {

    /** The neighbourhood or district a code names, and the neighbourhoods it covers. */
    private static final String AREA =
            """
            OPTIONAL MATCH (single:Neighbourhood {code: $code})
            OPTIONAL MATCH (district:District {code: $code})
            WITH coalesce(single, district) AS area, single IS NOT NULL AS isNeighbourhood
            WHERE area IS NOT NULL
            WITH area, CASE WHEN isNeighbourhood THEN [area {.code, .name}]
                            ELSE [(n:Neighbourhood)-[:PART_OF]->(area) | n {.code, .name}] END AS neighbourhoods
            WITH area, neighbourhoods, [n IN neighbourhoods | n.code] AS codes
            """;

    /**
     * The referrals of the area in the period: involvements with a resident or household of the area that ended
     * REFERRED in the period, each with the first involvement another professional began with the same resident or
     * household on or after that day and by the period's end (ties by id), whose organisation took it up. A referral
     * is a team member's when it ran through a team, or else when its professional was seconded to one by then.
     */
    private static final String REFERRALS = AREA
            + """
            CALL (codes) {
              MATCH (referral:Involvement)
              WHERE referral.until >= $from AND referral.until <= $to AND referral.endReason = 'REFERRED'
              MATCH (referral)-[:CONCERNS]->(target)-[:MEMBER_OF*0..1]->(:Household)-[:LOCATED_IN]->(n:Neighbourhood)
              WHERE n.code IN codes
              MATCH (referrer:Professional)-[:REGISTERED]->(referral)-[:ON_BEHALF_OF]->(employer:Organisation)
              CALL (referral, target, referrer) {
                MATCH (target)<-[:CONCERNS]-(next:Involvement)-[:ON_BEHALF_OF]->(receiver:Organisation)
                WHERE next.since >= referral.until AND next.since <= $to AND NOT (referrer)-[:REGISTERED]->(next)
                RETURN receiver ORDER BY next.since, next.id LIMIT 1
              }
              CALL (referral, referrer) {
                OPTIONAL MATCH (referral)-[:VIA]->(via:Team)
                OPTIONAL MATCH (referrer)-[s:SECONDED_TO]->(seconded:Team)
                WHERE coalesce(s.since, referral.until) <= referral.until
                RETURN coalesce(via, seconded) AS team ORDER BY team.id LIMIT 1
              }
              RETURN collect({professional: referrer.id, name: referrer.name, employer: employer.id,
                              employerName: employer.name, team: team.id, teamName: team.name,
                              receiver: receiver.id, receiverName: receiver.name}) AS referrals
            }
            CALL (referrals) {
              UNWIND referrals AS r
              WITH r.receiver AS organisation, r.receiverName AS name, count(*) AS taken
              RETURN collect({organisation: organisation, name: name, referrals: taken}) AS mix
            }
            CALL (referrals) {
              UNWIND referrals AS r
              WITH r WHERE r.team IS NOT NULL
              WITH r.professional AS professional, r.name AS name, r.employer AS employer,
                   r.employerName AS employerName, r.team AS team, r.teamName AS teamName,
                   count(*) AS made, count(CASE WHEN r.receiver = r.employer THEN 1 END) AS toOwnEmployer
              RETURN collect({professional: professional, name: name, employer: employer, employerName: employerName,
                              team: team, teamName: teamName, referrals: made,
                              toOwnEmployer: toOwnEmployer}) AS members
            }
            RETURN {code: area.code, name: area.name, neighbourhoods: neighbourhoods, referrals: size(referrals),
                    mix: mix, members: members} AS value
            """;

    /**
     * The applications for a resident or household of the area submitted in the period, as they stood on
     * {@code $asOf}: decided by then or open. Overdue: decided after the law's term ran out, or open after it did.
     * Counted for the area, per handling team and per neighbourhood in one aggregation.
     */
    private static final String WAITING = AREA
            + """
            CALL (codes) {
              MATCH (a:Application)
              WHERE a.submittedOn >= $from AND a.submittedOn <= $to
              MATCH (a)-[:FOR]->()-[:MEMBER_OF*0..1]->(:Household)-[:LOCATED_IN]->(n:Neighbourhood)
              WHERE n.code IN codes
              MATCH (a)-[:HANDLED_BY]->(t:Team)
              WITH a, n, t, $terms[a.law] AS term, CASE WHEN a.decidedOn <= $asOf THEN a.decidedOn END AS decidedOn
              RETURN collect({neighbourhood: n.code, team: t.id, teamName: t.name,
                              waitingDays: duration.inDays(a.submittedOn, decidedOn).days,
                              openDays: CASE WHEN decidedOn IS NULL THEN duration.inDays(a.submittedOn, $asOf).days END,
                              overdue: coalesce(decidedOn, $asOf)
                                       > a.submittedOn + duration({months: term.months, days: term.days})
                             }) AS applications
            }
            CALL (applications) {
              UNWIND applications AS x
              UNWIND [{level: 'AREA'}, {level: 'TEAM', key: x.team, name: x.teamName},
                      {level: 'NEIGHBOURHOOD', key: x.neighbourhood}] AS grouping
              WITH grouping.level AS level, grouping.key AS key, grouping.name AS name,
                   count(*) AS submitted, count(x.waitingDays) AS decided, count(x.openDays) AS open,
                   count(CASE WHEN x.overdue THEN 1 END) AS overdue,
                   percentileCont(x.waitingDays, 0.5) AS medianWaitingDays,
                   percentileCont(x.openDays, 0.5) AS medianOpenDays
              RETURN collect({level: level, key: key, name: name, submitted: submitted, decided: decided, open: open,
                              overdue: overdue, medianWaitingDays: medianWaitingDays,
                              medianOpenDays: medianOpenDays}) AS groups
            }
            RETURN {code: area.code, name: area.name, neighbourhoods: neighbourhoods, groups: groups} AS value
            """;

    private final GraphQueries queries;

    SteeringQueries(GraphQueries queries) {
        this.queries = queries;
    }

    Optional<ReferralFacts> referrals(String code, LocalDate from, LocalDate to) {
        return queries.single(
                REFERRALS,
                Map.of("code", code, "from", from, "to", to),
                value -> new ReferralFacts(
                        scope(value, from, to),
                        value.get("referrals").asInt(),
                        list(
                                value,
                                "mix",
                                v -> new ReferralFacts.Destination(
                                        text(v, "organisation"),
                                        text(v, "name"),
                                        v.get("referrals").asInt())),
                        list(
                                value,
                                "members",
                                v -> new ReferralFacts.Member(
                                        text(v, "professional"),
                                        text(v, "name"),
                                        text(v, "employer"),
                                        text(v, "employerName"),
                                        text(v, "team"),
                                        text(v, "teamName"),
                                        v.get("referrals").asInt(),
                                        v.get("toOwnEmployer").asInt()))));
    }

    Optional<WaitingFacts> waiting(
            String code, LocalDate from, LocalDate to, LocalDate asOf, Map<ApplicationLaw, Period> terms) {
        Map<String, Object> termsByLaw = new LinkedHashMap<>();
        terms.forEach((law, term) ->
                termsByLaw.put(law.name(), Map.of("months", term.toTotalMonths(), "days", term.getDays())));
        return queries.single(
                WAITING,
                Map.of("code", code, "from", from, "to", to, "asOf", asOf, "terms", termsByLaw),
                value -> new WaitingFacts(
                        scope(value, from, to),
                        asOf,
                        neighbourhoods(value).stream()
                                .sorted(Comparator.comparing(WaitingFacts.Neighbourhood::code))
                                .toList(),
                        list(
                                value,
                                "groups",
                                v -> new WaitingFacts.Group(
                                        WaitingFacts.Level.valueOf(text(v, "level")),
                                        text(v, "key"),
                                        text(v, "name"),
                                        v.get("submitted").asInt(),
                                        v.get("decided").asInt(),
                                        v.get("open").asInt(),
                                        v.get("overdue").asInt(),
                                        number(v, "medianWaitingDays"),
                                        number(v, "medianOpenDays")))));
    }

    private static SteeringScope scope(MapAccessor value, LocalDate from, LocalDate to) {
        return new SteeringScope(
                text(value.get("code")),
                text(value.get("name")),
                neighbourhoods(value).stream()
                        .map(WaitingFacts.Neighbourhood::code)
                        .sorted()
                        .toList(),
                from,
                to);
    }

    private static List<WaitingFacts.Neighbourhood> neighbourhoods(MapAccessor value) {
        return list(value, "neighbourhoods", v -> new WaitingFacts.Neighbourhood(text(v, "code"), text(v, "name")));
    }

    private static <T> List<T> list(MapAccessor value, String key, Function<Value, T> mapper) {
        return value.get(key).asList(mapper::apply);
    }

    private static String text(Value value, String key) {
        return value.get(key).asString(null);
    }

    private static String text(Value value) {
        return value.asString(null);
    }

    private static Double number(Value value, String key) {
        return value.get(key).isNull() ? null : value.get(key).asDouble();
    }
}

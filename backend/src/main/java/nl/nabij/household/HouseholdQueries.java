package nl.nabij.household;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.nabij.api.Paging;
import nl.nabij.database.GraphQueries;
import nl.nabij.database.SingleStatementQueries;
import nl.nabij.directory.Professional;
import nl.nabij.resident.MemberRole;
import nl.nabij.resident.Resident;
import nl.nabij.security.HouseholdScope;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import org.neo4j.driver.Value;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The household questions, each one Cypher statement behind an index, each limited to the households the asking user
 * may see.
 */
@Component
class HouseholdQueries {

    /** The household with its neighbourhood, as {@link Household#from} reads it; {@code n} is the neighbourhood. */
    static final String PROJECTION =
            "h {.id, .postcode, .houseNumber, .houseNumberAddition, neighbourhood: n {.code, .name},"
                    + " memberPseudonyms: [(member:Resident)-[:MEMBER_OF]->(h) | member.pseudonym]}";

    private static final String BY_ID =
            """
            MATCH (h:Household {id: $id})-[:LOCATED_IN]->(n:Neighbourhood)
            RETURN %s AS value, %s AS visible
            """;

    private static final String AT_ADDRESS =
            """
            MATCH (h:Household {postcode: $postcode, houseNumber: $houseNumber})-[:LOCATED_IN]->(n:Neighbourhood)
            WHERE ($addition IS NULL OR h.houseNumberAddition = $addition) AND %s
            RETURN %s AS value ORDER BY h.houseNumberAddition, h.id
            """;

    private static final String OF_RESIDENT =
            """
            MATCH (:Resident {pseudonym: $pseudonym})-[:MEMBER_OF]->(h:Household)-[:LOCATED_IN]->(n:Neighbourhood)
            RETURN %s AS value, %s AS visible
            """;

    /**
     * Members, involvements (on the household and on each member) and coordinator of the household {@code h}, as the
     * user {@code $me} may see them, bound as {@code circle}: a resident under {@code geheimhoudingPersoonsgegevens}
     * ({@code confidential}, from the BRP) and the involvements with them are shown only to the professionals with an
     * active involvement with them or their household, and to the resident themself. The overlap's counts follow from
     * the involvements; its pairs, the costly part, are {@link #UNCOORDINATED_PAIRS}, read only when a request asks.
     */
    private static final String CIRCLE_OF_H =
            """
            CALL (h) {
              OPTIONAL MATCH (r:Resident)-[m:MEMBER_OF]->(h)
              WHERE NOT coalesce(r.confidential, false) OR r.id = $me
                 OR EXISTS { MATCH (:Professional {id: $me})-[:REGISTERED]->(:Involvement {status: 'ACTIVE'})
                                   -[:CONCERNS]->(concerned) WHERE concerned = r OR concerned = h }
              WITH r, m ORDER BY m.role, r.birthYear, r.id
              RETURN collect(r {.id, .displayName, .birthYear, role: m.role}) AS members
            }
            CALL (h) {
              CALL (h) {
                MATCH (h)<-[:CONCERNS]-(i:Involvement)
                RETURN i, null AS resident
                UNION
                MATCH (h)<-[m:MEMBER_OF]-(r:Resident)<-[:CONCERNS]-(i:Involvement)
                WHERE NOT coalesce(r.confidential, false) OR r.id = $me
                   OR EXISTS { MATCH (:Professional {id: $me})-[:REGISTERED]->(:Involvement {status: 'ACTIVE'})
                                     -[:CONCERNS]->(concerned) WHERE concerned = r OR concerned = h }
                RETURN i, r {.id, .displayName, .birthYear, role: m.role} AS resident
              }
              MATCH (p:Professional)-[:REGISTERED]->(i)-[:ON_BEHALF_OF]->(o:Organisation)
              OPTIONAL MATCH (i)-[:VIA]->(t:Team)
              WITH i, resident, p, o, t ORDER BY i.status, i.since DESC, i.id
              RETURN collect({
                       id: i.id, domain: i.domain, since: i.since, until: i.until, status: i.status,
                       expiresOn: i.expiresOn, endReason: i.endReason, legalBasis: i.legalBasis,
                       professional: p {.id, .name, .discipline},
                       organisation: o {.id, .name, .kind, .careLine},
                       team: t {.id, .name},
                       resident: resident
                     }) AS involvements
            }
            CALL (h) {
              OPTIONAL MATCH (c:Professional)-[:COORDINATES]->(h)
              RETURN c {.id, .name, .discipline} AS coordinator
              ORDER BY c.id LIMIT 1
            }
            WITH *, {householdId: h.id, members: members, involvements: involvements, coordinator: coordinator}
                 AS circle
            """;

    /** The circles ({@link #CIRCLE_OF_H}) of a batch of households, for the data loader. */
    private static final String CIRCLES =
            """
            UNWIND $keys AS key
            MATCH (h:Household {id: key})
            %s
            RETURN key, circle AS value
            """
                    .formatted(CIRCLE_OF_H);

    /**
     * One household view in one statement: the household, whether the user may see it ({@link #visibleTo}, the first
     * placeholder), and its circle only when they may; the circle's subquery does not run for a household outside
     * their need to know.
     */
    private static final String VIEW =
            """
            MATCH (h:Household {id: $id})-[:LOCATED_IN]->(n:Neighbourhood)
            WITH h, n, %%s AS visible
            OPTIONAL CALL (h, visible) {
              WITH h WHERE visible
              %s
              RETURN circle
            }
            RETURN %s AS value, visible, circle
            """
                    .formatted(CIRCLE_OF_H, PROJECTION);

    /** {@link #VIEW} for each role, made once. */
    private static final Map<Role, String> VIEWS = Arrays.stream(Role.values())
            .collect(Collectors.toUnmodifiableMap(Function.identity(), role -> VIEW.formatted(visibleTo(role))));

    /**
     * The pairs of professionals actively involved with a household (as a whole or with a member) that no
     * COLLABORATES_WITH relationship joins, in either direction, for a batch of households.
     */
    private static final String UNCOORDINATED_PAIRS =
            """
            UNWIND $keys AS key
            MATCH (h:Household {id: key})
            CALL (h) {
              CALL (h) {
                MATCH (h)<-[:CONCERNS]-(i:Involvement {status: 'ACTIVE'})
                RETURN i
                UNION
                MATCH (h)<-[:MEMBER_OF]-(:Resident)<-[:CONCERNS]-(i:Involvement {status: 'ACTIVE'})
                RETURN i
              }
              MATCH (p:Professional)-[:REGISTERED]->(i)-[:ON_BEHALF_OF]->(:Organisation)
              RETURN collect(DISTINCT p) AS professionals
            }
            CALL (professionals) {
              UNWIND professionals AS a
              UNWIND professionals AS b
              WITH a, b
              WHERE a.id < b.id AND NOT EXISTS { (a)-[:COLLABORATES_WITH]-(b) }
              WITH a, b ORDER BY a.name, b.name
              RETURN collect({first: a {.id, .name, .discipline}, second: b {.id, .name, .discipline}}) AS pairs
            }
            RETURN key, pairs AS value
            """;

    private final GraphQueries queries;

    private final SingleStatementQueries views;

    HouseholdQueries(GraphQueries queries, SingleStatementQueries views) {
        this.queries = queries;
        this.views = views;
    }

    /** The households a user may see: {@link HouseholdScope}. */
    static String visibleTo(Role role) {
        return HouseholdScope.visibleTo(role);
    }

    /** The household with the given id, and whether the user may see it; empty when there is none. */
    Optional<Found> byId(String id, NabijUser user) {
        return found(BY_ID, parameters(user, "id", id), user);
    }

    /** A household the user may see, with its circle, or one outside their need to know, without. */
    record Viewed(Found found, HouseholdCircle circle) {}

    /**
     * The household with the given id and, when the user may see it, its circle, in one statement ({@link #VIEW}): a
     * view that shows the circle costs one statement, not one for the household and one for its data loader.
     */
    Optional<Viewed> byIdWithCircle(String id, NabijUser user) {
        return views
                .rows(
                        VIEWS.get(user.role()),
                        parameters(user, "id", id),
                        row -> new Viewed(
                                new Found(
                                        Household.from(row.get("value")),
                                        row.get("visible").asBoolean()),
                                row.get("circle").isNull() ? null : HouseholdCircle.from(row.get("circle"))))
                .stream()
                .findFirst();
    }

    /** The households at an address that the user may see. */
    List<Household> atAddress(String postcode, int houseNumber, String addition, NabijUser user) {
        Map<String, Object> parameters = parameters(user, "postcode", postcode);
        parameters.put("houseNumber", houseNumber);
        parameters.put("addition", addition);
        return queries.list(AT_ADDRESS.formatted(visibleTo(user.role()), PROJECTION), parameters, Household::from);
    }

    /** The household of the resident with this pseudonym, and whether the user may see it. */
    Optional<Found> ofResident(String pseudonym, NabijUser user) {
        return found(OF_RESIDENT, parameters(user, "pseudonym", pseudonym), user);
    }

    /** A resident's own record and household, and the pseudonym their data is audited under. */
    record Own(Resident resident, Household household, String pseudonym) {}

    private static final String OWN =
            """
            MATCH (r:Resident {id: $me})-[m:MEMBER_OF]->(h:Household)-[:LOCATED_IN]->(n:Neighbourhood)
            RETURN r {.id, .displayName, .birthYear, .pseudonym, role: m.role} AS resident,
                   h {.id, .postcode, .houseNumber, .houseNumberAddition, neighbourhood: n {.code, .name},
                      memberPseudonyms: [(member:Resident)-[:MEMBER_OF]->(h) | member.pseudonym]} AS household
            """;

    /** The signed-in resident's own record and household. */
    Own own(NabijUser user) {
        return queries
                .rows(
                        OWN,
                        parameters(user),
                        row -> new Own(
                                Resident.from(row.get("resident")),
                                Household.from(row.get("household")),
                                row.get("resident").get("pseudonym").asString()))
                .stream()
                .findFirst()
                .orElseThrow(() -> new AccessDeniedException("no resident is linked to this account"));
    }

    private static final String MEMBER_ROLE =
            """
            MATCH (:Resident {id: $me})-[m:MEMBER_OF]->(:Household)
            RETURN m.role AS value
            """;

    /** The role at home of the resident with this id, or empty when Nabij holds no such member. */
    Optional<MemberRole> memberRole(String residentId) {
        return queries
                .list(MEMBER_ROLE, Map.of("me", residentId), value -> MemberRole.valueOf(((Value) value).asString()))
                .stream()
                .findFirst();
    }

    /** A household that exists, and whether the user asking may see it. */
    record Found(Household household, boolean visible) {}

    private Optional<Found> found(String template, Map<String, Object> parameters, NabijUser user) {
        return queries
                .rows(
                        template.formatted(PROJECTION, visibleTo(user.role())),
                        parameters,
                        row -> new Found(
                                Household.from(row.get("value")),
                                row.get("visible").asBoolean()))
                .stream()
                .findFirst();
    }

    private static Map<String, Object> parameters(NabijUser user, String name, Object value) {
        Map<String, Object> parameters = parameters(user);
        parameters.put(name, value);
        return parameters;
    }

    private static Map<String, Object> parameters(NabijUser user) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("me", user.scopeId());
        return parameters;
    }

    /** The households of a neighbourhood that the user may see, a page at a time. */
    Window<Household> inNeighbourhood(String neighbourhoodCode, ScrollSubrange subrange, NabijUser user) {
        return queries.page(
                "MATCH (n:Neighbourhood {code: $code})<-[:LOCATED_IN]-(h:Household) WHERE " + visibleTo(user.role()),
                "h.postcode + right('0000' + toString(h.houseNumber), 5) + coalesce(h.houseNumberAddition, '')",
                "h.id",
                PROJECTION,
                parameters(user, "code", neighbourhoodCode),
                subrange,
                Household::from,
                household -> new Paging.Position(sortKey(household.address()), household.id()));
    }

    Map<String, HouseholdCircle> circles(Collection<String> householdIds, NabijUser user) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("me", user == null ? null : user.scopeId());
        return queries.one(CIRCLES, householdIds, Function.identity(), HouseholdCircle::from, parameters);
    }

    /** The uncoordinated pairs around each of these households, by household id. */
    Map<String, UncoordinatedPairs> uncoordinatedPairs(Collection<String> householdIds) {
        return queries.one(
                UNCOORDINATED_PAIRS,
                householdIds,
                Function.identity(),
                value -> new UncoordinatedPairs(((Value) value)
                        .asList(pair -> new OverlapSummary.ProfessionalPair(
                                Professional.from(pair.get("first")), Professional.from(pair.get("second"))))));
    }

    /** The same key as the Cypher sort expression of {@link #inNeighbourhood}. */
    private static String sortKey(Address address) {
        String number = "0000" + address.houseNumber();
        return address.postcode()
                + number.substring(number.length() - 5)
                + (address.houseNumberAddition() == null ? "" : address.houseNumberAddition());
    }
}

package nl.nabij.household;

import java.util.HashMap;
import java.util.Map;
import nl.nabij.api.InvalidArgumentException;
import nl.nabij.api.Paging;
import nl.nabij.database.GraphQueries;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Component;

/**
 * Finding overlap: one Cypher statement ranks the households of an area that the user may see, and brings each with
 * its unlinked pairs and a suggested coordinator.
 */
@Component
class OverlapQueries {

    /**
     * The statement, given the area's MATCH (binding {@code n} and {@code h}, see {@link #start}), the visibility predicate over
     * {@code h} and the household projection of {@link HouseholdQueries}. It counts professionals and organisations over the active involvements with the household or a
     * member, drops households below the thresholds before pairing anyone, and pages by keyset on (severity
     * descending, household id). The suggestion's {@code rank} is the ordinal of {@link CoordinatorSuggestion.Rule}.
     */
    private static final String OVERLAPS =
            """
            %s
            WITH DISTINCT h, n
            WHERE %s
            CALL (h) {
              MATCH (h)<-[:MEMBER_OF*0..1]-()<-[:CONCERNS]-(:Involvement {status: 'ACTIVE'})
                    -[:ON_BEHALF_OF]->(o:Organisation)
              RETURN count(DISTINCT o) AS organisationCount
            }
            CALL (h, n) {
              MATCH (h)<-[:MEMBER_OF*0..1]-()<-[:CONCERNS]-(i:Involvement {status: 'ACTIVE'})<-[:REGISTERED]-(p:Professional)
              WITH p, min(i.since) AS since
              RETURN collect({
                       professional: p,
                       since: since,
                       wijkteam: COLLECT {
                         MATCH (p)-[:SECONDED_TO]->(t:Team)-[:SERVES]->(n) RETURN t.name ORDER BY t.name LIMIT 1
                       }[0]
                     }) AS involved
            }
            WITH h, n, organisationCount, involved, [x IN involved | x.professional] AS professionals,
                 EXISTS { (:Professional)-[:COORDINATES]->(h) } AS hasCoordinator
            WHERE size(involved) >= $minimumProfessionals AND organisationCount >= $minimumOrganisations
              AND NOT ($withoutCoordinatorOnly AND hasCoordinator)
            CALL (professionals) {
              UNWIND professionals AS a
              UNWIND professionals AS b
              WITH a, b
              WHERE a.id < b.id AND NOT EXISTS { (a)-[:COLLABORATES_WITH]-(b) }
              WITH a, b ORDER BY a.name, b.name
              RETURN collect({first: a {.id, .name, .discipline}, second: b {.id, .name, .discipline}}) AS unlinkedPairs
            }
            WITH h, n, organisationCount, involved, professionals, hasCoordinator, unlinkedPairs,
                 size(professionals) + 2 * organisationCount + size(unlinkedPairs)
                   + CASE WHEN hasCoordinator THEN 0 ELSE 10 END AS severity
            WHERE $afterSeverity IS NULL OR severity < $afterSeverity
               OR (severity = $afterSeverity AND h.id > $afterId)
            WITH h, n, organisationCount, involved, professionals, hasCoordinator, unlinkedPairs, severity
            ORDER BY severity DESC, h.id
            LIMIT $limit
            CALL (h, involved, professionals) {
              UNWIND involved AS candidate
              WITH candidate.professional AS p, candidate.since AS since, candidate.wijkteam AS wijkteam
              WITH p, since, wijkteam,
                   CASE WHEN EXISTS { (p)-[:COORDINATES]->(h) } THEN 0 WHEN wijkteam IS NOT NULL THEN 1 ELSE 2 END
                     AS rank,
                   size([q IN professionals WHERE q <> p AND EXISTS { (p)-[:COLLABORATES_WITH]-(q) }]) AS links
              ORDER BY rank, CASE rank WHEN 1 THEN since END, links DESC, since, p.name, p.id
              LIMIT 1
              RETURN {
                       professional: p {.id, .name, .discipline}, rank: rank, since: since, wijkteam: wijkteam,
                       links: links, others: size(professionals) - 1
                     } AS suggestion
            }
            RETURN {
                     household: %s,
                     professionalCount: size(professionals), organisationCount: organisationCount,
                     severity: severity, hasCoordinator: hasCoordinator, unlinkedPairs: unlinkedPairs,
                     suggestion: suggestion
                   } AS value
            ORDER BY severity DESC, h.id
            """;

    private final GraphQueries queries;

    OverlapQueries(GraphQueries queries) {
        this.queries = queries;
    }

    /** One page of the overlapping households the user may see, the most severe first. */
    Window<Overlap> overlaps(OverlapCriteria criteria, ScrollSubrange subrange, NabijUser user) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("me", user.scopeId());
        parameters.put("scope", criteria.scope().key());
        parameters.put("minimumProfessionals", criteria.minimumProfessionals());
        parameters.put("minimumOrganisations", criteria.minimumOrganisations());
        parameters.put("withoutCoordinatorOnly", criteria.withoutCoordinatorOnly());
        Paging.Position from = Paging.from(subrange).orElse(null);
        parameters.put("afterSeverity", from == null ? null : severityOf(from));
        parameters.put("afterId", from == null ? null : from.id());
        parameters.put("limit", Paging.size(subrange) + 1);
        String cypher = OVERLAPS.formatted(
                start(criteria.scope().area(), user.role()),
                HouseholdQueries.visibleTo(user.role()),
                HouseholdQueries.PROJECTION);
        return Paging.window(queries.list(cypher, parameters, Overlap::from), subrange, OverlapQueries::positionOf);
    }

    /**
     * Where the search starts. A professional's households are those of their active involvements, and a team lead's
     * those of their team's neighbourhoods: starting there and keeping what lies in the area reads a tenth of a
     * municipality's households or less. The access rules let no other role search.
     */
    private static String start(OverlapScope.Area area, Role role) {
        return switch (role) {
            case PROFESSIONAL -> "MATCH (:Professional {id: $me})-[:REGISTERED]->(:Involvement {status: 'ACTIVE'})"
                    + "-[:CONCERNS]->()-[:MEMBER_OF*0..1]->(h:Household)-[:LOCATED_IN]->(n:Neighbourhood) WHERE "
                    + inArea(area);
            case TEAM_LEAD -> "MATCH (:Professional {id: $me})-[:SECONDED_TO]->(:Team)-[:SERVES]->(n:Neighbourhood)"
                    + "<-[:LOCATED_IN]-(h:Household) WHERE " + inArea(area);
            default -> throw new IllegalArgumentException("a " + role + " does not search for overlap");
        };
    }

    /** Whether neighbourhood {@code n} lies in the area. */
    private static String inArea(OverlapScope.Area area) {
        return switch (area) {
            case NEIGHBOURHOOD -> "n.code = $scope";
            case TEAM -> "EXISTS { (:Team {id: $scope})-[:SERVES]->(n) }";
            case MUNICIPALITY -> "EXISTS { (n)-[:PART_OF]->(:District)-[:PART_OF]->(:Municipality {code: $scope}) }";
        };
    }

    private static Paging.Position positionOf(Overlap overlap) {
        return new Paging.Position(
                Integer.toString(overlap.severity()), overlap.household().id());
    }

    private static int severityOf(Paging.Position position) {
        try {
            return Integer.parseInt(position.key());
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("after", "MALFORMED_CURSOR", "after is not a cursor of this list");
        }
    }
}

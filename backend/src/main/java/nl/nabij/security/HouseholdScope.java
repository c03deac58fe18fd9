package nl.nabij.security;

/**
 * Which households a user may see, as a Cypher predicate over {@code h} with the user's professional or resident id as
 * {@code $me}: a professional's active involvements, a team lead's team's neighbourhoods, a resident's home. Every
 * query that returns or acts on a household puts it in its WHERE clause. Its own variables have names no query uses
 * (a subquery that names an outer variable means that variable).
 */
public final class HouseholdScope {

    private HouseholdScope() {}

    public static String visibleTo(Role role) {
        return switch (role) {
            case PROFESSIONAL -> "EXISTS { MATCH (:Professional {id: $me})-[:REGISTERED]->"
                    + "(:Involvement {status: 'ACTIVE'})-[:CONCERNS]->(concerned)"
                    + " WHERE concerned = h OR (concerned)-[:MEMBER_OF]->(h) }";
            case TEAM_LEAD -> "EXISTS { MATCH (:Professional {id: $me})-[:SECONDED_TO]->(:Team)-[:SERVES]->"
                    + "(:Neighbourhood)<-[:LOCATED_IN]-(h) }";
            case RESIDENT -> "EXISTS { MATCH (:Resident {id: $me})-[:MEMBER_OF]->(h) }";
            default -> "false";
        };
    }
}

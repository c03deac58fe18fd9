package nl.nabij.household;

import java.time.LocalDate;
import nl.nabij.directory.Professional;
import org.neo4j.driver.types.MapAccessor;

/**
 * Who could coordinate the help around a household, the rule that chose them as a code, and what the rule weighed:
 * the app words the rule in the user's language from these, so the API carries no prose.
 *
 * @param since since when they have been involved with the household
 * @param wijkteam the wijkteam they are a member of, for {@link Rule#LONGEST_INVOLVED_WIJKTEAM_MEMBER}; otherwise null
 * @param collaborationLinks with how many of the others involved they have a collaboration link
 * @param othersInvolved how many other professionals are involved
 */
record CoordinatorSuggestion(
        Professional professional,
        Rule ruleCode,
        LocalDate since,
        String wijkteam,
        int collaborationLinks,
        int othersInvolved) {

    /** The rules, in the order they are tried: keep the coordinator there is, then the wijkteam, then the network. */
    enum Rule {
        CURRENT_COORDINATOR,
        LONGEST_INVOLVED_WIJKTEAM_MEMBER,
        MOST_COLLABORATION_LINKS
    }

    /** Reads the suggestion of an {@link OverlapQueries} row. */
    static CoordinatorSuggestion from(MapAccessor value) {
        Rule rule = Rule.values()[value.get("rank").asInt()];
        return new CoordinatorSuggestion(
                Professional.from(value.get("professional")),
                rule,
                value.get("since").asLocalDate(),
                rule == Rule.LONGEST_INVOLVED_WIJKTEAM_MEMBER
                        ? value.get("wijkteam").asString()
                        : null,
                value.get("links").asInt(),
                value.get("others").asInt());
    }
}

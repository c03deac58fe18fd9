package nl.nabij.household;

import java.time.LocalDate;
import nl.nabij.directory.Professional;
import org.neo4j.driver.types.MapAccessor;

/**
 * Who could coordinate the help around a household, and the rule that chose them, explained in words.
 *
 * @param rule the explanation, naming what the rule weighed for this professional
 */
record CoordinatorSuggestion(Professional professional, String rule, Rule ruleCode) {

    /** The rules, in the order they are tried: keep the coordinator there is, then the wijkteam, then the network. */
    enum Rule {
        CURRENT_COORDINATOR,
        LONGEST_INVOLVED_WIJKTEAM_MEMBER,
        MOST_COLLABORATION_LINKS
    }

    /** Reads the suggestion of an {@link OverlapQueries} row. */
    static CoordinatorSuggestion from(MapAccessor value) {
        Rule rule = Rule.values()[value.get("rank").asInt()];
        LocalDate since = value.get("since").asLocalDate();
        String explanation =
                switch (rule) {
                    case CURRENT_COORDINATOR -> "already coordinates this household and is actively involved"
                            + " (since " + since + "): the face of the family stays";
                    case LONGEST_INVOLVED_WIJKTEAM_MEMBER -> "the member of "
                            + value.get("wijkteam").asString()
                            + " involved longest: since " + since;
                    case MOST_COLLABORATION_LINKS -> "no member of a wijkteam serving this neighbourhood is involved,"
                            + " so the one with the most collaboration links with the others involved: "
                            + value.get("links").asInt() + " of "
                            + value.get("others").asInt();
                };
        return new CoordinatorSuggestion(Professional.from(value.get("professional")), explanation, rule);
    }
}

package nl.nabij.regie;

import java.time.LocalDate;

/**
 * A household that needs regie, and why.
 *
 * @param since the day the rule started to apply, when it is known
 * @param explanation the rule and the facts that made it apply, in words
 */
public record RegieFlag(Rule rule, LocalDate since, String explanation) {

    /** The rules; README "Regie" describes each. */
    public enum Rule {
        NO_COORDINATOR,
        COORDINATOR_NOT_INVOLVED,
        REDUNDANT_CARE
    }
}

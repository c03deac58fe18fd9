package nl.nabij.regie;

import java.time.LocalDate;
import java.util.List;

/**
 * A household that needs regie, and why: the rule and the facts it weighed, as values the client words itself (the
 * web app in Dutch or English), never as a sentence.
 *
 * @param since the day the rule started to apply, when it is known
 * @param organisationCount NO_COORDINATOR: the organisations involved; REDUNDANT_CARE: those of the one kind
 * @param daysToCoordinator NO_COORDINATOR: the days a household may wait for a coordinator; null otherwise
 * @param coordinator COORDINATOR_NOT_INVOLVED: the coordinator's name; null otherwise
 * @param organisationKind REDUNDANT_CARE: the kind the organisations share; null otherwise
 * @param organisations REDUNDANT_CARE: the organisations of that kind; empty otherwise
 */
public record RegieFlag(
        Rule rule,
        LocalDate since,
        int organisationCount,
        Integer daysToCoordinator,
        String coordinator,
        String organisationKind,
        List<String> organisations) {

    /** The rules; README "Regie" describes each. */
    public enum Rule {
        NO_COORDINATOR,
        COORDINATOR_NOT_INVOLVED,
        REDUNDANT_CARE
    }
}

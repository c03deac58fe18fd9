package nl.nabij.household;

import nl.nabij.api.InvalidArgumentException;

/** What counts as overlap in a search: the area, how many helpers from how many organisations, coordinated or not. */
record OverlapCriteria(
        OverlapScope scope, int minimumProfessionals, int minimumOrganisations, boolean withoutCoordinatorOnly) {

    /** Above this a threshold can only be a mistake: no household has a hundred helpers. */
    static final int HIGHEST_THRESHOLD = 100;

    static OverlapCriteria of(
            OverlapScope.Input scope,
            int minimumProfessionals,
            int minimumOrganisations,
            boolean withoutCoordinatorOnly) {
        return new OverlapCriteria(
                OverlapScope.of(scope),
                threshold("minimumProfessionals", minimumProfessionals),
                threshold("minimumOrganisations", minimumOrganisations),
                withoutCoordinatorOnly);
    }

    private static int threshold(String field, int value) {
        if (value < 1 || value > HIGHEST_THRESHOLD) {
            throw new InvalidArgumentException(
                    field, "THRESHOLD_OUT_OF_RANGE", field + " must be between 1 and " + HIGHEST_THRESHOLD);
        }
        return value;
    }
}

package nl.nabij.vindplaats;

/**
 * Where a vindplaats stands. A vindplaats without a status (the demo data, older records) is active: the status came
 * later, and every place recorded before it was in use.
 */
public enum VindplaatsStatus {
    /** Registered by a volunteer or the place itself and not yet reviewed. */
    PROPOSED,
    /** On the map. */
    ACTIVE,
    /**
     * There, but closed for a while (a renovation, the summer): staff still see it and its links; the public map leaves
     * it out until it opens again. HSDS's "temporarily closed".
     */
    TEMPORARILY_CLOSED,
    /** No longer there or no longer a vindplaats; kept so its history and links stay readable. */
    RETIRED
}

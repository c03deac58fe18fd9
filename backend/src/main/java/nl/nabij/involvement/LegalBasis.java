package nl.nabij.involvement;

/**
 * The ground in AVG article 6 on which a professional processes a resident's data for an involvement, separate from
 * the law or domain the help falls under. An involvement registered without one, and every involvement from before
 * Nabij recorded it, holds on {@link #PUBLIC_TASK}: the task the domain's own law gives.
 */
public enum LegalBasis {
    /** A public task under the domain's law (art. 6(1)(e)), e.g. the Wmo or the Jeugdwet. */
    PUBLIC_TASK,
    /** The resident's consent (art. 6(1)(a)). */
    CONSENT,
    /** A legal obligation of the professional (art. 6(1)(c)), e.g. under the meldcode. */
    LEGAL_OBLIGATION,
    /** The vital interest of the resident or someone else (art. 6(1)(d)). */
    VITAL_INTEREST;

    /** The basis as stored, where a missing one is the default. */
    static LegalBasis stored(String name) {
        return name == null ? PUBLIC_TASK : valueOf(name);
    }
}

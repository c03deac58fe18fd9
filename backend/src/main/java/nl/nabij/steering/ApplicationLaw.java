package nl.nabij.steering;

/** The laws a resident applies for support under; the schema describes each value. */
public enum ApplicationLaw {
    WMO,
    YOUTH,
    PARTICIPATION
}

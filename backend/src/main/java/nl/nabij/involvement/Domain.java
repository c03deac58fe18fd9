package nl.nabij.involvement;

/** The law or domain an involvement falls under; the schema describes each value. */
public enum Domain {
    WMO,
    YOUTH,
    PARTICIPATION,
    ZVW,
    WLZ,
    DEBT,
    EDUCATION,
    SAFETY
}

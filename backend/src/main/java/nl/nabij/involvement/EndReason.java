package nl.nabij.involvement;

/** Why an involvement ended; the schema describes each value. */
public enum EndReason {
    GOAL_REACHED,
    REFERRED,
    MOVED,
    DECLINED,
    NO_LONGER_NEEDED,
    EXPIRED,
    DECEASED
}

package nl.nabij.involvement;

/** Whether an involvement is going on or has ended. */
public enum InvolvementStatus {
    ACTIVE,
    ENDED
}

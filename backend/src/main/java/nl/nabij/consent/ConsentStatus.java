package nl.nabij.consent;

/** Whether a consent holds. */
public enum ConsentStatus {
    ACTIVE,
    WITHDRAWN,
    EXPIRED
}

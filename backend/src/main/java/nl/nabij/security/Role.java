package nl.nabij.security;

/** What a user is to Nabij; the access rules are written per role. */
public enum Role {
    /** A professional: sees a household only while actively involved with it. */
    PROFESSIONAL,
    /** A wijkteam lead: sees the households in the neighbourhoods their team serves. */
    TEAM_LEAD,
    /** A municipality analyst: aggregates only, never a resident or a household. */
    ANALYST,
    /** A volunteer or informal contact: public places, nothing about residents. */
    VOLUNTEER,
    /** A resident: their own household and who is involved with it. */
    RESIDENT,
    /** Manages accounts and organisations; reads no resident data. */
    ADMINISTRATOR,
    /** Reads the audit trail. */
    AUDITOR,
    /**
     * An organisation's case system, a machine client: registers, renews and ends the involvements of that
     * organisation's professionals in bulk over {@code /case-system/**}; no GraphQL operation beyond {@code me}.
     */
    CASE_SYSTEM
}

package nl.nabij.directory;

/** What sort of place or person a vindplaats is. */
public enum VindplaatsCategory {
    SCHOOL,
    CHURCH,
    MOSQUE,
    COMMUNITY_CENTRE,
    HEALTH_CENTRE,
    LIBRARY,
    SPORTS_CLUB,
    NEIGHBOURHOOD_WORKER,
    VOLUNTEER,
    TRUSTED_PERSON,
    CITIZEN_INITIATIVE
}

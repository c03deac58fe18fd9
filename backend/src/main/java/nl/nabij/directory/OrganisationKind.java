package nl.nabij.directory;

/** What kind of organisation it is; the schema describes each value. */
public enum OrganisationKind {
    MUNICIPALITY,
    CARE_GROUP,
    CLIENT_SUPPORT,
    VOLUNTEER_CENTRE,
    WELFARE,
    DISTRICT_NURSING,
    YOUTH_HEALTH_CARE,
    YOUTH_CARE,
    DEBT_COUNSELLING,
    MENTAL_HEALTH,
    GENERAL_PRACTICE,
    HOUSING,
    EDUCATION,
    SAFETY
}

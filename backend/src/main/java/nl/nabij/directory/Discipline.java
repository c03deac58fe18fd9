package nl.nabij.directory;

/** A professional's discipline; the schema describes each value. */
public enum Discipline {
    SOCIAL_WORK,
    CLIENT_SUPPORT,
    WMO_CONSULTANCY,
    WORK_AND_INCOME,
    DEBT_COUNSELLING,
    DISTRICT_NURSING,
    YOUTH_HEALTH_CARE,
    YOUTH_CARE,
    MENTAL_HEALTH,
    GENERAL_PRACTICE,
    COMMUNITY_WORK,
    VOLUNTEER_COORDINATION,
    HOUSING,
    PROBATION,
    POLICE,
    SCHOOL_SOCIAL_WORK
}

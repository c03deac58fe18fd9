package nl.nabij.volunteer;

/** What a volunteer offers: a small vocabulary, so team leads can search and compare. */
public enum Offer {
    LISTENING_EAR,
    LANGUAGE_HELP,
    PAPERWORK,
    DIGITAL_HELP,
    TRANSPORT,
    MEALS,
    CHILDCARE,
    COMPANY,
    ODD_JOBS,
    SPORT_AND_PLAY
}

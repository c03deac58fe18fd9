package nl.nabij.vindplaats;

/** What sort of place or person a vindplaats is. Each category belongs to exactly one kind. */
public enum VindplaatsCategory {
    SCHOOL(VindplaatsKind.FORMAL),
    CHURCH(VindplaatsKind.FORMAL),
    MOSQUE(VindplaatsKind.FORMAL),
    COMMUNITY_CENTRE(VindplaatsKind.FORMAL),
    HEALTH_CENTRE(VindplaatsKind.FORMAL),
    LIBRARY(VindplaatsKind.FORMAL),
    SPORTS_CLUB(VindplaatsKind.FORMAL),
    NEIGHBOURHOOD_WORKER(VindplaatsKind.INFORMAL),
    VOLUNTEER(VindplaatsKind.INFORMAL),
    TRUSTED_PERSON(VindplaatsKind.INFORMAL),
    CITIZEN_INITIATIVE(VindplaatsKind.INFORMAL);

    private final VindplaatsKind kind;

    VindplaatsCategory(VindplaatsKind kind) {
        this.kind = kind;
    }

    /** Whether places of this category are formal or informal. */
    public VindplaatsKind kind() {
        return kind;
    }
}

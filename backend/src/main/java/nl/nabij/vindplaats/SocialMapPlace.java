package nl.nabij.vindplaats;

import java.util.List;

/**
 * A vindplaats as the public social map shows it: what the place is, where and when it is open, and how to reach it.
 * It holds no contact person's name, no organisation, no team and no status, so nothing more can leak to a reader
 * without an account than these fields.
 */
record SocialMapPlace(
        String id,
        String name,
        VindplaatsKind kind,
        VindplaatsCategory category,
        String description,
        VindplaatsAddress address,
        String neighbourhoodCode,
        String neighbourhoodName,
        List<OpeningHours> openingHours,
        String email,
        String phone) {

    static SocialMapPlace of(VindplaatsDetails details) {
        VindplaatsDraft draft = details.draft();
        return new SocialMapPlace(
                details.id(),
                draft.name(),
                draft.kind(),
                draft.category(),
                draft.description(),
                draft.address(),
                draft.neighbourhoodCode(),
                details.neighbourhoodName(),
                draft.openingHours(),
                draft.contact() == null ? null : draft.contact().email(),
                draft.contact() == null ? null : draft.contact().phone());
    }
}

package nl.nabij.household;

import java.time.Year;
import java.util.List;
import java.util.Optional;
import nl.nabij.consent.Consent;
import nl.nabij.involvement.Involvement;
import nl.nabij.resident.MemberRole;
import nl.nabij.resident.Resident;

/**
 * What a resident sees of their own household: the household as a whole, the members' names, and the involvements and
 * consents concerning themselves or a minor child of theirs; never another adult's. An adult member counts as parent
 * of the household's children under 18, as Nabij holds no parent relation of its own. The overlap figures are counted
 * over what the resident sees, so they reveal nothing of the rest.
 */
record ResidentShare(String residentId, MemberRole residentRole, Year thisYear) {

    private static final int AGE_OF_MAJORITY = 18;

    /** The share of the resident with this id in the circle, or empty when they are not one of its members. */
    static Optional<ResidentShare> of(String residentId, HouseholdCircle circle, Year thisYear) {
        return circle.members().stream()
                .filter(member -> member.id().equals(residentId))
                .findFirst()
                .map(member -> new ResidentShare(residentId, member.role(), thisYear));
    }

    /** Whether the data of this member (null: the household as a whole) is the resident's to see. */
    boolean concernsThem(Resident member) {
        return member == null
                || member.id().equals(residentId)
                || (residentRole == MemberRole.ADULT
                        && member.role() == MemberRole.CHILD
                        && thisYear.getValue() - member.birthYear() < AGE_OF_MAJORITY);
    }

    /** The circle as the resident sees it; its overlap then counts, and pairs, only what they see. */
    HouseholdCircle of(HouseholdCircle circle) {
        List<Involvement> involvements = circle.involvements().stream()
                .filter(involvement -> concernsThem(involvement.resident()))
                .toList();
        return new HouseholdCircle(circle.householdId(), circle.members(), involvements, circle.coordinator());
    }

    List<Consent> consents(List<Consent> consents) {
        return consents.stream()
                .filter(consent -> consent.givenBy() != null && concernsThem(consent.givenBy()))
                .toList();
    }
}

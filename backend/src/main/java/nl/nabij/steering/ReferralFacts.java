package nl.nabij.steering;

import java.util.List;

/**
 * The referrals of an area in a period as the database counts them, before shares and suppression.
 *
 * @param referrals every referral, by anyone
 * @param mix per receiving organisation, how many of them it took up
 * @param members per wijkteam member and team, how many they made and how many went to their own employer
 */
record ReferralFacts(SteeringScope scope, int referrals, List<Destination> mix, List<Member> members) {

    record Destination(String organisationId, String organisation, int referrals) {}

    record Member(
            String professionalId,
            String name,
            String employerId,
            String employer,
            String teamId,
            String team,
            int referrals,
            int toOwnEmployer) {}
}

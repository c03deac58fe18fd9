package nl.nabij.steering;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Cliëntisme of one team member, one team, or all team members of an area: the share of their referrals that went to
 * the referrer's own employer, against the share expected from the area's referral mix.
 *
 * @param referrals the referrals they made
 * @param toOwnEmployer how many of those went to the referrer's own employer
 * @param ownEmployerShare {@code toOwnEmployer / referrals}
 * @param expectedShare what {@code ownEmployerShare} would be if each referral followed the area's mix: per referral,
 *     the share of all the area's referrals that went to its referrer's employer, averaged over the referrals
 * @param difference {@code ownEmployerShare - expectedShare}: above zero, the employer gets more than the mix gives it
 */
public record ReferralFigures(
        Integer referrals, Integer toOwnEmployer, Double ownEmployerShare, Double expectedShare, Double difference) {

    static ReferralFigures of(List<ReferralFacts.Member> group, ReferralFacts facts, SmallCells cells) {
        int referrals = group.stream().mapToInt(ReferralFacts.Member::referrals).sum();
        int toOwnEmployer =
                group.stream().mapToInt(ReferralFacts.Member::toOwnEmployer).sum();
        Double ownEmployerShare = cells.share(toOwnEmployer, referrals);
        Double expectedShare = expectedShare(group, facts, cells, referrals);
        Double difference = ownEmployerShare == null || expectedShare == null ? null : ownEmployerShare - expectedShare;
        return new ReferralFigures(
                cells.count(referrals), cells.count(toOwnEmployer), ownEmployerShare, expectedShare, difference);
    }

    // Computed from every member's referrals, the mix's cell of every member's employer and the area's total, so it
    // is suppressed when any of those is.
    private static Double expectedShare(
            List<ReferralFacts.Member> group, ReferralFacts facts, SmallCells cells, int referrals) {
        boolean hidden = cells.hidden(facts.referrals())
                || group.stream()
                        .flatMapToInt(
                                member -> IntStream.of(member.referrals(), facts.referralsTo(member.employerId())))
                        .anyMatch(cells::hidden);
        if (referrals == 0 || hidden) {
            return null;
        }
        double expectedToOwnEmployer = group.stream()
                .mapToDouble(member ->
                        member.referrals() * (double) facts.referralsTo(member.employerId()) / facts.referrals())
                .sum();
        return expectedToOwnEmployer / referrals;
    }
}

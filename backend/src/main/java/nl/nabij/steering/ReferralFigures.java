package nl.nabij.steering;

import java.util.List;
import java.util.Map;
import nl.nabij.disclosure.DisclosurePolicy;

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

    /**
     * One group's counts in the table of the whole answer: the referrals its members made, and of those the ones to
     * their own employer.
     */
    record Cells(
            List<ReferralFacts.Member> group, DisclosurePolicy.Cell referrals, DisclosurePolicy.Cell toOwnEmployer) {

        static Cells of(DisclosurePolicy.Table table, List<ReferralFacts.Member> group) {
            Cells cells = new Cells(
                    group,
                    table.cell(group.stream()
                            .mapToInt(ReferralFacts.Member::referrals)
                            .sum()),
                    table.cell(group.stream()
                            .mapToInt(ReferralFacts.Member::toOwnEmployer)
                            .sum()));
            table.partOf(cells.referrals, cells.toOwnEmployer);
            return cells;
        }

        /** {@code whole}'s counts are the sums of {@code parts}'. */
        static void sum(DisclosurePolicy.Table table, Cells whole, List<Cells> parts) {
            table.sum(whole.referrals, parts.stream().map(Cells::referrals).toList());
            table.sum(
                    whole.toOwnEmployer,
                    parts.stream().map(Cells::toOwnEmployer).toList());
        }

        /**
         * @param members every member's own cells
         * @param all the cell of all the area's referrals
         * @param mix the mix's cell of each receiving organisation
         */
        ReferralFigures figures(
                DisclosurePolicy policy,
                Map<ReferralFacts.Member, Cells> members,
                DisclosurePolicy.Cell all,
                Map<String, DisclosurePolicy.Cell> mix) {
            Double ownEmployerShare = policy.share(toOwnEmployer, referrals);
            Double expectedShare = expectedShare(members, all, mix);
            Double difference =
                    ownEmployerShare == null || expectedShare == null ? null : ownEmployerShare - expectedShare;
            return new ReferralFigures(
                    referrals.shown(), toOwnEmployer.shown(), ownEmployerShare, expectedShare, difference);
        }

        // Computed from every member's referrals, the mix's cell of every member's employer and the area's total, so
        // it is suppressed when any of those is.
        private Double expectedShare(
                Map<ReferralFacts.Member, Cells> members,
                DisclosurePolicy.Cell all,
                Map<String, DisclosurePolicy.Cell> mix) {
            boolean hidden = all.hidden()
                    || group.stream()
                            .anyMatch(member -> members.get(member).referrals().hidden()
                                    || (mix.containsKey(member.employerId())
                                            && mix.get(member.employerId()).hidden()));
            if (referrals.value() == 0 || hidden) {
                return null;
            }
            double expectedToOwnEmployer = group.stream()
                    .mapToDouble(
                            member -> member.referrals() * (double) referralsTo(mix, member.employerId()) / all.value())
                    .sum();
            return expectedToOwnEmployer / referrals.value();
        }

        private static int referralsTo(Map<String, DisclosurePolicy.Cell> mix, String organisationId) {
            return mix.containsKey(organisationId) ? mix.get(organisationId).value() : 0;
        }
    }
}

package nl.nabij.steering;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cliëntisme in an area and a period: where the referrals of wijkteam members went, measured against where all the
 * area's referrals went.
 *
 * @param smallCellsSuppressed whether small counts, and the shares computed from them, are null for this user
 * @param referrals every referral of the area in the period, by anyone: what the mix is a share of
 * @param mix where those referrals went, per receiving organisation, most first
 * @param teamMembers the referrals by all team members of the area together
 * @param teams per wijkteam, by name
 * @param members per team member, by team and name
 */
public record Clientism(
        SteeringScope scope,
        boolean smallCellsSuppressed,
        int minimumCellSize,
        Integer referrals,
        List<ReferralDestination> mix,
        ReferralFigures teamMembers,
        List<TeamReferrals> teams,
        List<MemberReferrals> members) {

    /** One organisation of the referral mix. */
    public record ReferralDestination(String organisationId, String organisation, Integer referrals, Double share) {}

    public record TeamReferrals(String teamId, String team, ReferralFigures figures) {}

    public record MemberReferrals(
            String professionalId,
            String name,
            String employerId,
            String employer,
            String teamId,
            String team,
            ReferralFigures figures) {}

    static Clientism of(ReferralFacts facts, SmallCells cells) {
        List<ReferralFacts.Member> members = facts.members().stream()
                .sorted(Comparator.comparing(ReferralFacts.Member::team)
                        .thenComparing(ReferralFacts.Member::name)
                        .thenComparing(ReferralFacts.Member::professionalId))
                .toList();
        Map<String, List<ReferralFacts.Member>> byTeam = new LinkedHashMap<>();
        members.forEach(member -> byTeam.computeIfAbsent(member.teamId(), team -> new ArrayList<>())
                .add(member));
        return new Clientism(
                facts.scope(),
                cells.suppressing(),
                cells.minimumCellSize(),
                cells.count(facts.referrals()),
                facts.mix().stream()
                        .sorted(Comparator.comparingInt(ReferralFacts.Destination::referrals)
                                .reversed()
                                .thenComparing(ReferralFacts.Destination::organisation))
                        .map(destination -> new ReferralDestination(
                                destination.organisationId(),
                                destination.organisation(),
                                cells.count(destination.referrals()),
                                cells.share(destination.referrals(), facts.referrals())))
                        .toList(),
                ReferralFigures.of(members, facts, cells),
                byTeam.values().stream()
                        .map(team -> new TeamReferrals(
                                team.getFirst().teamId(),
                                team.getFirst().team(),
                                ReferralFigures.of(team, facts, cells)))
                        .toList(),
                members.stream()
                        .map(member -> new MemberReferrals(
                                member.professionalId(),
                                member.name(),
                                member.employerId(),
                                member.employer(),
                                member.teamId(),
                                member.team(),
                                ReferralFigures.of(List.of(member), facts, cells)))
                        .toList());
    }
}

package nl.nabij.steering;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.nabij.disclosure.DisclosurePolicy;

/**
 * Cliëntisme in an area and a period: where the referrals of wijkteam members went, measured against where all the
 * area's referrals went.
 *
 * @param smallCellsSuppressed whether small counts, the counts they could be derived from, and the shares computed
 *     from any of them, are null for this user, and team members and organisations with fewer referrals than the
 *     minimum cell size left out
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

    /**
     * The counts add up: the mix to all referrals, members to their team, teams to all team members. A member or a
     * receiving organisation with fewer referrals than the policy lets it name is left out of its list, but its
     * counts stay in the table as hidden cells, so that the others do not give them back.
     */
    static Clientism of(ReferralFacts facts, DisclosurePolicy policy) {
        List<ReferralFacts.Member> members = facts.members().stream()
                .sorted(Comparator.comparing(ReferralFacts.Member::team)
                        .thenComparing(ReferralFacts.Member::name)
                        .thenComparing(ReferralFacts.Member::professionalId))
                .toList();
        List<ReferralFacts.Destination> mix = facts.mix().stream()
                .sorted(Comparator.comparingInt(ReferralFacts.Destination::referrals)
                        .reversed()
                        .thenComparing(ReferralFacts.Destination::organisation))
                .toList();

        DisclosurePolicy.Table table = policy.table();
        DisclosurePolicy.Cell all = table.cell(facts.referrals());
        Map<String, DisclosurePolicy.Cell> mixCells = new LinkedHashMap<>();
        mix.forEach(destination -> mixCells.put(destination.organisationId(), table.cell(destination.referrals())));
        table.sum(all, List.copyOf(mixCells.values()));

        Map<ReferralFacts.Member, ReferralFigures.Cells> memberCells = new LinkedHashMap<>();
        Map<String, List<ReferralFacts.Member>> byTeam = new LinkedHashMap<>();
        members.forEach(member -> {
            memberCells.put(member, ReferralFigures.Cells.of(table, List.of(member)));
            byTeam.computeIfAbsent(member.teamId(), team -> new ArrayList<>()).add(member);
        });
        List<ReferralFigures.Cells> teamCells = new ArrayList<>();
        byTeam.values().forEach(team -> {
            ReferralFigures.Cells cells = ReferralFigures.Cells.of(table, team);
            ReferralFigures.Cells.sum(
                    table, cells, team.stream().map(memberCells::get).toList());
            teamCells.add(cells);
        });
        ReferralFigures.Cells teamMembers = ReferralFigures.Cells.of(table, members);
        ReferralFigures.Cells.sum(table, teamMembers, teamCells);
        table.partOf(all, teamMembers.referrals());

        return new Clientism(
                facts.scope(),
                policy.suppressing(),
                policy.minimumCellSize(),
                all.shown(),
                mix.stream()
                        .filter(destination -> policy.mayName(destination.referrals()))
                        .map(destination -> new ReferralDestination(
                                destination.organisationId(),
                                destination.organisation(),
                                mixCells.get(destination.organisationId()).shown(),
                                policy.share(mixCells.get(destination.organisationId()), all)))
                        .toList(),
                teamMembers.figures(policy, memberCells, all, mixCells),
                teamCells.stream()
                        .map(team -> new TeamReferrals(
                                team.group().getFirst().teamId(),
                                team.group().getFirst().team(),
                                team.figures(policy, memberCells, all, mixCells)))
                        .toList(),
                members.stream()
                        .filter(member -> policy.mayName(member.referrals()))
                        .map(member -> new MemberReferrals(
                                member.professionalId(),
                                member.name(),
                                member.employerId(),
                                member.employer(),
                                member.teamId(),
                                member.team(),
                                memberCells.get(member).figures(policy, memberCells, all, mixCells)))
                        .toList());
    }
}

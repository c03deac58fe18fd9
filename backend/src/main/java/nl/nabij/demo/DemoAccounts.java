package nl.nabij.demo;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import nl.nabij.seed.SeedData;

/**
 * One built-in account per role for the demo, linked to people in the demo data so each role shows what it may see:
 * the team lead works in Wijkteam Haven, the professional is one of the fifteen around the documented case, and the
 * resident lives in that household. Every demo account has the same published password; they exist only where the
 * demo data is loaded.
 */
public final class DemoAccounts {

    /** The password of every demo account. Demo data only; production uses the identity provider or new accounts. */
    public static final String PASSWORD = "nabij-demo";

    private DemoAccounts() {}

    /** The demo users, in the order of the roles. */
    public static List<NabijUser> users(SeedData seed) {
        SeedData.Household caseHousehold = seed.caseHousehold();
        Set<String> caseMembers =
                caseHousehold.members().stream().map(SeedData.Member::id).collect(Collectors.toSet());
        String havenTeam = seed.teams().stream()
                .filter(team -> team.name().equals("Wijkteam Haven"))
                .findFirst()
                .orElseThrow()
                .id();
        String teamLead = seed.professionals().stream()
                .filter(p -> havenTeam.equals(p.teamId()))
                .min(Comparator.comparing(SeedData.Professional::name))
                .orElseThrow()
                .id();
        String caseProfessional = seed.involvements().stream()
                .filter(SeedData.Involvement::active)
                .filter(i -> caseHousehold.id().equals(i.target().householdId())
                        || caseMembers.contains(i.target().residentId()))
                .map(SeedData.Involvement::professionalId)
                .sorted()
                .findFirst()
                .orElseThrow();
        String caseResident = caseHousehold.members().get(0).id();
        String municipality = seed.organisations().stream()
                .filter(organisation -> organisation.kind() == SeedData.OrganisationKind.MUNICIPALITY)
                .findFirst()
                .orElseThrow()
                .id();
        String volunteerCentre = seed.organisations().stream()
                .filter(organisation -> organisation.kind() == SeedData.OrganisationKind.VOLUNTEER_CENTRE)
                .findFirst()
                .orElseThrow()
                .id();
        return List.of(
                new NabijUser(
                        "professional", Role.PROFESSIONAL, caseProfessional, null, employer(seed, caseProfessional)),
                new NabijUser("teamlead", Role.TEAM_LEAD, teamLead, null, employer(seed, teamLead)),
                new NabijUser("analyst", Role.ANALYST, null, null, municipality),
                new NabijUser("volunteer", Role.VOLUNTEER, null, null, volunteerCentre),
                new NabijUser("resident", Role.RESIDENT, null, caseResident, null),
                new NabijUser("admin", Role.ADMINISTRATOR, null, null, municipality),
                new NabijUser("auditor", Role.AUDITOR, null, null, municipality));
    }

    private static String employer(SeedData seed, String professionalId) {
        return seed.professionals().stream()
                .filter(professional -> professional.id().equals(professionalId))
                .findFirst()
                .orElseThrow()
                .organisationId();
    }
}

package nl.nabij.demo;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

    /**
     * The Argon2id hashes of {@link #PASSWORD}, one per account with a salt of its own, computed once with the
     * application's encoder ({@code Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()}): seven hashes cost a
     * first start seconds of CPU, and the password they hash is published anyway.
     */
    static final Map<String, String> PASSWORD_HASHES = Map.of(
            "professional",
            "{argon2@SpringSecurity_v5_8}$argon2id$v=19$m=16384,t=2,p=1$5o94VcaTg3sGoYwepCGmXA$LtgonW96+dnBoIFT2c2NQVeKoHZjTjk9p+K0jy74u5g",
            "teamlead",
            "{argon2@SpringSecurity_v5_8}$argon2id$v=19$m=16384,t=2,p=1$QvcRyIyZqbK9Ro8cQ0A25Q$yxrcuavIEDCOHDaf3oaQKfPuedi5BlEMi9WalLhm5+E",
            "analyst",
            "{argon2@SpringSecurity_v5_8}$argon2id$v=19$m=16384,t=2,p=1$VspdgGySDHBTuDuVDcRucA$NCq8mYnhYrIZy3a1up3Wx8AGUE8g2nV2VzvvV12L1ZA",
            "volunteer",
            "{argon2@SpringSecurity_v5_8}$argon2id$v=19$m=16384,t=2,p=1$WdVWGPpYr/cnsROlQ9E14w$alxcl/4Zn3eDP5hRkKlpp3f7hvUcntMbMoRtc4mR4zI",
            "resident",
            "{argon2@SpringSecurity_v5_8}$argon2id$v=19$m=16384,t=2,p=1$OVLhOtgdoWBHZ2Gf4Y6FQw$XsRa+y3WlpY8NQ1KUAVGo5lQwSx0rUBtB+Ughg+jdGg",
            "admin",
            "{argon2@SpringSecurity_v5_8}$argon2id$v=19$m=16384,t=2,p=1$UCrsNAdhFrNeCDhDHijMeg$WRdlYYIwuFu02uC6X0dW3aBLiVsEHaxIzn9dSpaTJEg",
            "auditor",
            "{argon2@SpringSecurity_v5_8}$argon2id$v=19$m=16384,t=2,p=1$AZCoDRtqbU7oRyJUMJ9jDw$pezPOi9UEKlI28ghdfLP2iwT/EGn7P9NPRVSX4szpKw");

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

package nl.nabij.support;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.nabij.demo.DemoAccounts;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import nl.nabij.seed.SeedData;

/** The users the tests act as: the demo accounts, plus a professional who is not involved with the case. */
public final class TestUsers {

    private static final List<NabijUser> DEMO = DemoAccounts.users(SeedData.fromClasspath());

    private TestUsers() {}

    public static NabijUser demo(Role role) {
        if (role == Role.CASE_SYSTEM) {
            return caseSystem();
        }
        return DEMO.stream().filter(user -> user.role() == role).findFirst().orElseThrow();
    }

    /**
     * The case system of the outsider's organisation: a machine client with a token only, never a built-in account,
     * as case systems sign in with client credentials.
     */
    public static NabijUser caseSystem() {
        return new NabijUser(
                "case-system", Role.CASE_SYSTEM, null, null, outsider().organisationId());
    }

    /** The Haven team lead: sees every household of Haven, the documented case among them. */
    public static NabijUser teamLead() {
        return demo(Role.TEAM_LEAD);
    }

    /** A professional with no involvement in the household of the documented case. */
    public static NabijUser outsider() {
        SeedData seed = SeedData.fromClasspath();
        SeedData.Household caseHousehold = seed.caseHousehold();
        Set<String> targets = caseHousehold.members().stream()
                .map(SeedData.Member::id)
                .collect(Collectors.toCollection(HashSet::new));
        targets.add(caseHousehold.id());
        Set<String> involved = seed.involvements().stream()
                .filter(i -> targets.contains(i.target().householdId())
                        || targets.contains(i.target().residentId()))
                .map(SeedData.Involvement::professionalId)
                .collect(Collectors.toSet());
        SeedData.Professional outsider = seed.professionals().stream()
                .filter(p -> !involved.contains(p.id()) && p.teamId() == null)
                .findFirst()
                .orElseThrow();
        return new NabijUser("outsider", Role.PROFESSIONAL, outsider.id(), null, outsider.organisationId());
    }

    public static String bearer(NabijUser user) {
        return "Bearer " + TestTokens.tokenFor(user);
    }
}

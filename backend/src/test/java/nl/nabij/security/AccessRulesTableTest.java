package nl.nabij.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The role matrix as data, without a server: the needs-to-know decisions a reviewer would check first. The full
 * matrix, run over HTTP, is {@code AccessMatrixTest}; that every type and operation has a row is
 * {@code SchemaAccessRulesTest}.
 */
class AccessRulesTableTest {

    @Test
    void theAuditorAuditsAndReadsNoHouseholdOrMap() {
        assertThat(AccessRules.OPERATIONS.get("auditEvents")).containsExactly(Role.AUDITOR);
        assertThat(AccessRules.TYPES.get("AuditEvent")).containsExactly(Role.AUDITOR);
        assertThat(AccessRules.OPERATIONS.get("household")).doesNotContain(Role.AUDITOR, Role.ANALYST);
        assertThat(AccessRules.MAP_READERS).doesNotContain(Role.AUDITOR);
    }

    @Test
    void onlyThoseWhoWorkWithHouseholdsOrLiveInOneReadThem() {
        assertThat(AccessRules.TYPES.get("Household"))
                .containsExactlyInAnyOrder(Role.PROFESSIONAL, Role.TEAM_LEAD, Role.RESIDENT);
        assertThat(AccessRules.TYPES.get("Resident")).isEqualTo(AccessRules.TYPES.get("Household"));
        assertThat(AccessRules.OPERATIONS.get("myData")).containsExactly(Role.RESIDENT);
        assertThat(AccessRules.OPERATIONS.get("registerInvolvement"))
                .containsExactlyInAnyOrder(Role.PROFESSIONAL, Role.TEAM_LEAD);
    }

    @Test
    void accountsAreTheAdministratorsAlone() {
        assertThat(AccessRules.OPERATIONS.get("accounts")).containsExactly(Role.ADMINISTRATOR);
        assertThat(AccessRules.OPERATIONS.get("createAccount")).containsExactly(Role.ADMINISTRATOR);
        assertThat(AccessRules.TYPES.get("Account")).containsExactly(Role.ADMINISTRATOR);
    }

    @Test
    void theOperationsAnyoneMayCallAreThePublicMapAndTheVolunteersOwn() {
        assertThat(AccessRules.PUBLIC_OPERATIONS)
                .contains("socialMap", "registerAsVolunteer", "apiVersion")
                .doesNotContain("household", "auditEvents", "accounts", "myData");
        assertThat(AccessRules.PUBLIC_OPERATIONS)
                .allSatisfy(operation -> assertThat(AccessRules.OPERATIONS.getOrDefault(operation, Set.of()))
                        .as("a public operation needs no role, so no role row guards it")
                        .isIn(Set.of(), AccessRules.EVERYONE));
    }

    @Test
    void aResidentSeesProfessionalsOnlyWhereTheyMeetThem() {
        assertThat(AccessRules.reachable(Role.RESIDENT, "Professional", "Involvement"))
                .isTrue();
        assertThat(AccessRules.reachable(Role.RESIDENT, "Professional", "Consent"))
                .isTrue();
        assertThat(AccessRules.reachable(Role.RESIDENT, "Professional", "Team"))
                .as("a team's members are the directory behind the professional")
                .isFalse();
        assertThat(AccessRules.reachable(Role.RESIDENT, "Organisation", "Professional"))
                .isFalse();
        assertThat(AccessRules.reachable(Role.PROFESSIONAL, "Professional", "Team"))
                .isTrue();
    }
}

package nl.nabij.security;

import static java.util.Map.entry;

import graphql.execution.ExecutionStepInfo;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.introspection.Introspection;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may read what: one table for the operations of the root types and one for the node types, enforced on every
 * field the API resolves. A node type's rule holds on every path to it (an organisation's professionals, a team's
 * members), not only where a query starts. A root field missing from the table is closed to everyone, so a new
 * operation cannot ship without a rule. Which households a permitted user sees is decided in the household queries.
 * The user comes from the GraphQL context ({@link CurrentUserInterceptor}), as nested fields may run on other threads.
 * A request without a user reaches only the {@link #PUBLIC_OPERATIONS} and the types no table guards.
 * Every refusal is published as an {@link AccessDenied}, once per request and field, for the audit trail.
 */
@Component
public class AccessRules extends SimplePerformantInstrumentation {

    static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    /** The roles that see households: within their scope only (involved, their team's area, their own). */
    static final Set<Role> HOUSEHOLD_READERS = EnumSet.of(Role.PROFESSIONAL, Role.TEAM_LEAD, Role.RESIDENT);
    /** The roles that work with the directory of organisations, teams and professionals. */
    static final Set<Role> STAFF = EnumSet.of(Role.PROFESSIONAL, Role.TEAM_LEAD, Role.ANALYST, Role.ADMINISTRATOR);
    /** The public map of neighbourhoods and vindplaatsen: everyone but the auditor, who only audits. */
    static final Set<Role> MAP_READERS = EnumSet.complementOf(EnumSet.of(Role.AUDITOR));
    /** The roles that search an area for overlap, each within their household scope; residents have one household. */
    static final Set<Role> OVERLAP_SEARCHERS = EnumSet.of(Role.PROFESSIONAL, Role.TEAM_LEAD);
    /** The roles that keep the social map: administrators everywhere, team leads in their team's neighbourhoods. */
    static final Set<Role> SOCIAL_MAP_KEEPERS = EnumSet.of(Role.ADMINISTRATOR, Role.TEAM_LEAD);

    /**
     * The root operations a request without a user may call. Nothing else: any other operation, and any field whose
     * type the {@link #TYPES} table guards, answers UNAUTHORIZED to it, which the endpoint turns into HTTP 401.
     */
    static final Set<String> PUBLIC_OPERATIONS = Set.of(
            "apiVersion",
            "socialMap",
            "registerAsVolunteer",
            "confirmVolunteerRegistration",
            "volunteerRegistration",
            "updateVolunteerRegistration",
            "deleteVolunteerRegistration");

    /** Root operations and who may call them. */
    static final Map<String, Set<Role>> OPERATIONS = Map.ofEntries(
            entry("apiVersion", EVERYONE),
            entry("me", EVERYONE),
            entry("household", HOUSEHOLD_READERS),
            entry("householdsAtAddress", HOUSEHOLD_READERS),
            entry("householdOfResident", HOUSEHOLD_READERS),
            entry("households", HOUSEHOLD_READERS),
            entry("overlaps", OVERLAP_SEARCHERS),
            entry("professional", STAFF),
            entry("professionals", STAFF),
            entry("organisation", STAFF),
            entry("organisations", STAFF),
            entry("team", STAFF),
            entry("teams", STAFF),
            entry("municipality", MAP_READERS),
            entry("district", MAP_READERS),
            entry("neighbourhood", MAP_READERS),
            entry("neighbourhoods", MAP_READERS),
            entry("vindplaats", MAP_READERS),
            entry("vindplaatsen", MAP_READERS),
            entry("neighbourhoodNetwork", STAFF),
            entry("volunteerReviewQueue", EnumSet.of(Role.TEAM_LEAD)),
            entry("approveVolunteer", EnumSet.of(Role.TEAM_LEAD)),
            entry("rejectVolunteer", EnumSet.of(Role.TEAM_LEAD)),
            entry("connectVolunteerToTeam", EnumSet.of(Role.TEAM_LEAD)),
            entry("unconfirmedVolunteerRegistrations", EnumSet.of(Role.ADMINISTRATOR)),
            entry("issueVolunteerConfirmationLink", EnumSet.of(Role.ADMINISTRATOR)),
            entry("missingLinks", STAFF),
            entry("compareNetworks", STAFF),
            entry("clientism", STAFF),
            entry("applicationWaiting", STAFF),
            entry("compareSteering", STAFF),
            entry("auditEvents", EnumSet.of(Role.AUDITOR)),
            entry("auditChainCheck", EnumSet.of(Role.AUDITOR)),
            entry("myData", EnumSet.of(Role.RESIDENT)),
            entry("grantConsent", EnumSet.of(Role.RESIDENT)),
            entry("withdrawConsent", EnumSet.of(Role.RESIDENT)),
            entry("eraseResident", EnumSet.of(Role.ADMINISTRATOR)),
            entry("registerInvolvement", EnumSet.of(Role.PROFESSIONAL, Role.TEAM_LEAD)),
            entry("endInvolvement", EnumSet.of(Role.PROFESSIONAL, Role.TEAM_LEAD)),
            entry("renewInvolvement", EnumSet.of(Role.PROFESSIONAL, Role.TEAM_LEAD)),
            entry("myNotifications", EnumSet.of(Role.PROFESSIONAL, Role.TEAM_LEAD)),
            entry("assignCoordinator", EnumSet.of(Role.PROFESSIONAL, Role.TEAM_LEAD)),
            entry("handOverCoordination", EnumSet.of(Role.PROFESSIONAL, Role.TEAM_LEAD)),
            entry("endCoordination", EnumSet.of(Role.PROFESSIONAL, Role.TEAM_LEAD)),
            entry("addPlanGoal", EnumSet.of(Role.PROFESSIONAL, Role.TEAM_LEAD)),
            entry("updatePlanGoal", EnumSet.of(Role.PROFESSIONAL, Role.TEAM_LEAD)),
            entry("recordCollaboration", EnumSet.of(Role.PROFESSIONAL, Role.TEAM_LEAD)),
            entry("markNotificationsRead", EnumSet.of(Role.PROFESSIONAL, Role.TEAM_LEAD)),
            entry("notifications", EnumSet.of(Role.PROFESSIONAL, Role.TEAM_LEAD)),
            entry("accounts", EnumSet.of(Role.ADMINISTRATOR)),
            entry("createAccount", EnumSet.of(Role.ADMINISTRATOR)),
            entry("disableAccount", EnumSet.of(Role.ADMINISTRATOR)),
            entry("enableAccount", EnumSet.of(Role.ADMINISTRATOR)),
            entry("resetPassword", EnumSet.of(Role.ADMINISTRATOR)),
            entry("createOrganisation", EnumSet.of(Role.ADMINISTRATOR)),
            entry("updateOrganisation", EnumSet.of(Role.ADMINISTRATOR)),
            entry("socialMap", EVERYONE),
            entry("createVindplaats", SOCIAL_MAP_KEEPERS),
            entry("updateVindplaats", SOCIAL_MAP_KEEPERS),
            entry("retireVindplaats", SOCIAL_MAP_KEEPERS),
            // A volunteer manages their registration with its links, signed in or not.
            entry("registerAsVolunteer", EVERYONE),
            entry("confirmVolunteerRegistration", EVERYONE),
            entry("volunteerRegistration", EVERYONE),
            entry("updateVolunteerRegistration", EVERYONE),
            entry("deleteVolunteerRegistration", EVERYONE));

    /** Node types and who may see them, wherever they appear. Types not listed carry no data of their own. */
    static final Map<String, Set<Role>> TYPES = Map.ofEntries(
            entry("Household", HOUSEHOLD_READERS),
            entry("Resident", HOUSEHOLD_READERS),
            entry("Involvement", HOUSEHOLD_READERS),
            entry("OverlapSummary", HOUSEHOLD_READERS),
            entry("Overlap", OVERLAP_SEARCHERS),
            entry("CoordinatorSuggestion", OVERLAP_SEARCHERS),
            // Residents see who is involved with them; they reach professionals only through their own household.
            entry("Professional", union(STAFF, Role.RESIDENT)),
            entry("Organisation", union(STAFF, Role.RESIDENT)),
            entry("Team", union(STAFF, Role.RESIDENT, Role.VOLUNTEER)),
            entry("Municipality", MAP_READERS),
            entry("District", MAP_READERS),
            entry("Neighbourhood", MAP_READERS),
            entry("Vindplaats", MAP_READERS),
            entry("AuditEvent", EnumSet.of(Role.AUDITOR)),
            // Aggregates only, with small cells suppressed: what an analyst is for.
            entry("NeighbourhoodStatistics", STAFF),
            entry("MyData", EnumSet.of(Role.RESIDENT)),
            entry("AccessRecord", EnumSet.of(Role.RESIDENT)),
            entry("Consent", HOUSEHOLD_READERS),
            entry("Account", EnumSet.of(Role.ADMINISTRATOR)),
            entry("Erasure", EnumSet.of(Role.ADMINISTRATOR)),
            entry("Notification", EnumSet.of(Role.PROFESSIONAL, Role.TEAM_LEAD)),
            entry("PlanGoal", HOUSEHOLD_READERS),
            entry("RegieFlag", EnumSet.of(Role.PROFESSIONAL, Role.TEAM_LEAD)),
            // A vindplaats's contact is often a named volunteer or neighbour: for the wijkteam's need to know only.
            entry("VindplaatsContact", STAFF));

    private static final Set<String> ROOT_TYPES = Set.of("Query", "Mutation", "Subscription");
    private static final String REPORTED_DENIALS = "nabij.reported-denials";

    private final ApplicationEventPublisher events;

    AccessRules(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(
            DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        ExecutionStepInfo step = parameters.getExecutionStepInfo();
        String parent = ((GraphQLObjectType) step.getObjectType()).getName();
        String field = step.getFieldDefinition().getName();
        if (field.equals(Introspection.TypeNameMetaFieldDef.getName())) {
            // names the type the client asked for and reads nothing; clients and load balancers probe with it
            return dataFetcher;
        }
        Set<Role> allowed;
        String what;
        boolean open = false;
        if (ROOT_TYPES.contains(parent)) {
            allowed = OPERATIONS.getOrDefault(field, Set.of());
            what = field;
            open = PUBLIC_OPERATIONS.contains(field);
        } else {
            what = ((GraphQLNamedType)
                            GraphQLTypeUtil.unwrapAll(step.getFieldDefinition().getType()))
                    .getName();
            allowed = TYPES.get(what);
            if (allowed == null) {
                return dataFetcher;
            }
        }
        boolean openToAnyone = open;
        return environment -> {
            NabijUser user = environment.getGraphQlContext().get(NabijUser.class);
            if (user == null) {
                if (openToAnyone) {
                    return dataFetcher.get(environment);
                }
                throw new AuthenticationCredentialsNotFoundException("not signed in");
            }
            Role role = user.role();
            if (!allowed.contains(role)) {
                Set<String> reported = environment
                        .getGraphQlContext()
                        .computeIfAbsent(REPORTED_DENIALS, key -> ConcurrentHashMap.newKeySet());
                if (reported.add(what)) {
                    boolean change = "Mutation".equals(parent);
                    events.publishEvent(new AccessDenied(
                            user, environment.getGraphQlContext().get(CurrentUser.ORIGIN), what, change));
                }
                throw new AccessDeniedException("a " + role + " may not read " + what);
            }
            return dataFetcher.get(environment);
        };
    }

    private static Set<Role> union(Set<Role> roles, Role... more) {
        EnumSet<Role> all = EnumSet.copyOf(roles);
        all.addAll(Set.of(more));
        return all;
    }
}

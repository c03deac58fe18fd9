package nl.nabij.security;

import static java.util.Map.entry;

import graphql.GraphQLContext;
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
 * A request without a user reaches only the {@link #PUBLIC_OPERATIONS} and the types no table guards. Introspection
 * ({@code __schema}, {@code __type}) is one more root rule, the same in every profile: the roles configured for it.
 * Every refusal is published as an {@link AccessDenied}, once per request and field, for the audit trail: those of
 * these rules, and every mutation that changed nothing because its own checks refused it (see {@link RefusedChanges}).
 */
@Component
public class AccessRules extends SimplePerformantInstrumentation {

    static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    /** The roles that see households: within their scope only (involved, their team's area, their own). */
    static final Set<Role> HOUSEHOLD_READERS = EnumSet.of(Role.PROFESSIONAL, Role.TEAM_LEAD, Role.RESIDENT);
    /** The roles that work with the directory of organisations, teams and professionals. */
    static final Set<Role> STAFF = EnumSet.of(Role.PROFESSIONAL, Role.TEAM_LEAD, Role.ANALYST, Role.ADMINISTRATOR);
    /** The public map of neighbourhoods and vindplaatsen: everyone but the auditor, who only audits. */
    static final Set<Role> MAP_READERS = EnumSet.complementOf(EnumSet.of(Role.AUDITOR, Role.CASE_SYSTEM));
    /** The machine clients of organisations' case systems, on the bulk endpoint {@code /case-system/**}. */
    public static final Set<Role> CASE_SYSTEMS = EnumSet.of(Role.CASE_SYSTEM);
    /** The roles that search an area for overlap, each within their household scope; residents have one household. */
    static final Set<Role> OVERLAP_SEARCHERS = EnumSet.of(Role.PROFESSIONAL, Role.TEAM_LEAD);
    /** The roles that keep the social map: administrators everywhere, team leads in their team's neighbourhoods. */
    static final Set<Role> SOCIAL_MAP_KEEPERS = EnumSet.of(Role.ADMINISTRATOR, Role.TEAM_LEAD);
    /** Who sees which grants opened household data and who asked and approved: administrators and the auditor. */
    static final Set<Role> GRANT_READERS = EnumSet.of(Role.ADMINISTRATOR, Role.AUDITOR);

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
            entry("servicesToClassify", EnumSet.of(Role.ADMINISTRATOR)),
            entry("issueVolunteerConfirmationLink", EnumSet.of(Role.ADMINISTRATOR)),
            entry("missingLinks", STAFF),
            entry("compareNetworks", STAFF),
            entry("clientism", STAFF),
            entry("applicationWaiting", STAFF),
            entry("compareSteering", STAFF),
            entry("auditEvents", EnumSet.of(Role.AUDITOR)),
            entry("auditChainCheck", EnumSet.of(Role.AUDITOR)),
            entry("myData", EnumSet.of(Role.RESIDENT)),
            entry("myAccessLog", EnumSet.of(Role.RESIDENT)),
            entry("grantConsent", EnumSet.of(Role.RESIDENT)),
            entry("withdrawConsent", EnumSet.of(Role.RESIDENT)),
            entry("eraseResident", EnumSet.of(Role.ADMINISTRATOR)),
            entry("syncResidentsFromBrp", EnumSet.of(Role.ADMINISTRATOR)),
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
            entry("accountGrants", GRANT_READERS),
            entry("approveAccountGrant", EnumSet.of(Role.ADMINISTRATOR)),
            entry("rejectAccountGrant", EnumSet.of(Role.ADMINISTRATOR)),
            entry("createAccount", EnumSet.of(Role.ADMINISTRATOR)),
            entry("disableAccount", EnumSet.of(Role.ADMINISTRATOR)),
            entry("enableAccount", EnumSet.of(Role.ADMINISTRATOR)),
            entry("resetPassword", EnumSet.of(Role.ADMINISTRATOR)),
            entry("createOrganisation", EnumSet.of(Role.ADMINISTRATOR)),
            entry("importGeography", EnumSet.of(Role.ADMINISTRATOR)),
            entry("webhookSubscriptions", EnumSet.of(Role.ADMINISTRATOR)),
            entry("webhookDeadLetters", EnumSet.of(Role.ADMINISTRATOR)),
            entry("putWebhookSubscription", EnumSet.of(Role.ADMINISTRATOR)),
            entry("removeWebhookSubscription", EnumSet.of(Role.ADMINISTRATOR)),
            entry("replayWebhookDeadLetters", EnumSet.of(Role.ADMINISTRATOR)),
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

    /**
     * Node types and who may see them, wherever they appear (and, for some roles, only where {@link
     * #REACHED_ONLY_FROM} allows). Every other object type is in {@link #UNGUARDED_TYPES}, with the reason.
     */
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
            entry("AccessLogPage", EnumSet.of(Role.RESIDENT)),
            entry("Consent", HOUSEHOLD_READERS),
            entry("Account", EnumSet.of(Role.ADMINISTRATOR)),
            entry("AccountGrant", GRANT_READERS),
            entry("Erasure", EnumSet.of(Role.ADMINISTRATOR)),
            entry("BrpSync", EnumSet.of(Role.ADMINISTRATOR)),
            // What an HSDS import kept unclassified: for the administrators who classify it, as they import it.
            entry("HsdsService", EnumSet.of(Role.ADMINISTRATOR)),
            entry("WebhookSubscription", EnumSet.of(Role.ADMINISTRATOR)),
            entry("WebhookDeadLetter", EnumSet.of(Role.ADMINISTRATOR)),
            entry("Notification", EnumSet.of(Role.PROFESSIONAL, Role.TEAM_LEAD)),
            entry("PlanGoal", HOUSEHOLD_READERS),
            entry("RegieFlag", EnumSet.of(Role.PROFESSIONAL, Role.TEAM_LEAD)),
            // A vindplaats's contact is often a named volunteer or neighbour: for the wijkteam's need to know only.
            entry("VindplaatsContact", STAFF));

    /**
     * Node types a role may see only where it is reached from one of the listed parent types. A resident sees the
     * professionals and organisations involved with them, their coordinator and those they gave consent to; never the
     * directory behind them (a team's members, an organisation's staff, a professional's collaborators).
     */
    static final Map<Role, Map<String, Set<String>>> REACHED_ONLY_FROM = Map.of(
            Role.RESIDENT,
            Map.of(
                    "Professional", Set.of("Household", "Involvement", "ProfessionalPair", "PlanGoal", "Consent"),
                    "Organisation", Set.of("Involvement", "Consent")));

    /**
     * The object types no table guards, each for the reason its group states. Every object type of the schema is
     * either here or in {@link #TYPES}, and every root field is in {@link #OPERATIONS}; a test holds the schema to
     * that, so a new type or operation cannot ship without a decision on who may see it.
     */
    static final Set<String> UNGUARDED_TYPES = Set.of(
            // Carry no data of their own: pages, payload envelopes, input errors, addresses of public places.
            "PageInfo",
            "InputError",
            "Address",
            "OpeningHours",
            "VindplaatsAddress",
            "SignedInUser",
            "AccountConnection",
            "AccountEdge",
            "AccountPayload",
            "AccountGrantConnection",
            "AccountGrantEdge",
            "AccountGrantPayload",
            "AuditEventConnection",
            "AuditEventEdge",
            "CollaborationPayload",
            "ConsentPayload",
            "CoordinationPayload",
            "DeleteVolunteerRegistrationPayload",
            "EraseResidentPayload",
            "SyncResidentsFromBrpPayload",
            "HouseholdConnection",
            "HouseholdEdge",
            "ImportGeographyPayload",
            "InvolvementPayload",
            "IssueVolunteerConfirmationLinkPayload",
            "MarkNotificationsReadPayload",
            "NeighbourhoodConnection",
            "NeighbourhoodEdge",
            "NotificationConnection",
            "NotificationEdge",
            "OrganisationConnection",
            "OrganisationEdge",
            "OrganisationPayload",
            "OverlapConnection",
            "OverlapEdge",
            "PlanGoalPayload",
            "ProfessionalConnection",
            "ProfessionalEdge",
            "ProfessionalPair",
            "RegisterAsVolunteerPayload",
            "SocialMapConnection",
            "SocialMapEdge",
            "TeamConnection",
            "TeamEdge",
            "HsdsServiceConnection",
            "HsdsServiceEdge",
            "VindplaatsConnection",
            "VindplaatsEdge",
            "VindplaatsPayload",
            "VolunteerDecisionPayload",
            "VolunteerRegistrationConnection",
            "VolunteerRegistrationEdge",
            "VolunteerRegistrationPayload",
            "PutWebhookSubscriptionPayload",
            "RemoveWebhookSubscriptionPayload",
            "ReplayWebhookDeadLettersPayload",
            "WebhookDeadLetterConnection",
            "WebhookDeadLetterEdge",
            // The public social map and the volunteer's own registration, read with its personal link.
            "SocialMapPlace",
            "VolunteerPlace",
            "VolunteerRegistration",
            "UnconfirmedVolunteerRegistration",
            "AuditChainCheck",
            // Reached only through the analysts' operations, whose rule guards them and whose answers the
            // disclosure control has already reduced to figures.
            "ApplicationWaiting",
            "Clientism",
            "Explanation",
            "ExplanationParameter",
            "FigureDifference",
            "MemberReferrals",
            "MissingDiscipline",
            "MissingLinks",
            "MissingVindplaatsContact",
            "NeighbourhoodWaiting",
            "Network",
            "NetworkComparison",
            "NetworkEdge",
            "NetworkNode",
            "NetworkScope",
            "PredictedLink",
            "ReferralDestination",
            "ReferralFigures",
            "StatutoryTerm",
            "SteeringComparison",
            "SteeringFigureDifference",
            "SteeringScope",
            "TeamReferrals",
            "TeamWaiting",
            "UnlinkedOrganisation",
            "VindplaatsCoverage",
            "WaitingFigures");

    private static final Set<String> ROOT_TYPES = Set.of("Query", "Mutation", "Subscription");
    /** The fields that read the schema itself; who may is {@link EndpointLimits#introspectionRoles()}. */
    private static final Set<String> INTROSPECTION =
            Set.of(Introspection.SchemaMetaFieldDef.getName(), Introspection.TypeMetaFieldDef.getName());

    private static final String REPORTED_DENIALS = "nabij.reported-denials";

    private final ApplicationEventPublisher events;
    private final Set<Role> introspectionRoles;

    AccessRules(ApplicationEventPublisher events, EndpointLimits limits) {
        this.events = events;
        this.introspectionRoles = limits.introspectionRoles();
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
            allowed = INTROSPECTION.contains(field) ? introspectionRoles : OPERATIONS.getOrDefault(field, Set.of());
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
        String reachedFrom = parent;
        return environment -> {
            NabijUser user = environment.getGraphQlContext().get(NabijUser.class);
            if (user == null) {
                if (openToAnyone) {
                    return dataFetcher.get(environment);
                }
                throw new AuthenticationCredentialsNotFoundException("not signed in");
            }
            Role role = user.role();
            boolean change = "Mutation".equals(reachedFrom);
            if (!allowed.contains(role) || !reachable(role, what, reachedFrom)) {
                reportDenial(environment.getGraphQlContext(), user, what, change, "role-not-allowed");
                throw new AccessDeniedException("a " + role + " may not read " + what);
            }
            if (!change) {
                return dataFetcher.get(environment);
            }
            Object result;
            try {
                result = dataFetcher.get(environment);
            } catch (RuntimeException failed) {
                reportDenial(environment.getGraphQlContext(), user, what, true, "failed");
                throw failed;
            }
            return RefusedChanges.whenRefused(
                    result,
                    reason -> reportDenial(environment.getGraphQlContext(), user, what, true, "refused:" + reason));
        };
    }

    /** Publishes a refusal for the audit trail, once per request and operation or type. */
    private void reportDenial(GraphQLContext context, NabijUser user, String what, boolean change, String basis) {
        Set<String> reported = context.computeIfAbsent(REPORTED_DENIALS, key -> ConcurrentHashMap.newKeySet());
        if (reported.add(what)) {
            events.publishEvent(new AccessDenied(user, context.get(CurrentUser.ORIGIN), what, change, basis));
        }
    }

    /** Whether the role may see the type where it is, given the type of the object it is a field of. */
    static boolean reachable(Role role, String type, String parentType) {
        Set<String> parents = REACHED_ONLY_FROM.getOrDefault(role, Map.of()).get(type);
        return parents == null || parents.contains(parentType);
    }

    private static Set<Role> union(Set<Role> roles, Role... more) {
        EnumSet<Role> all = EnumSet.copyOf(roles);
        all.addAll(Set.of(more));
        return all;
    }
}

package nl.nabij.household;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import nl.nabij.api.Addresses;
import nl.nabij.api.Ids;
import nl.nabij.api.InvalidArgumentException;
import nl.nabij.consent.Consent;
import nl.nabij.consent.ConsentQueries;
import nl.nabij.directory.Professional;
import nl.nabij.involvement.Involvement;
import nl.nabij.regie.PlanGoal;
import nl.nabij.regie.Plans;
import nl.nabij.regie.RegieFlag;
import nl.nabij.regie.RegieRules;
import nl.nabij.resident.Bsn;
import nl.nabij.resident.Pseudonymiser;
import nl.nabij.resident.Resident;
import nl.nabij.security.Actor;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import org.dataloader.DataLoader;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The {@code Household} type and its queries. Members, involvements, coordinator and the overlap's counts share one
 * data loader, so the whole view of any number of households costs one query beyond finding them; the overlap's pairs
 * cost one more, only when asked for ({@link OverlapSummaryController}).
 */
@Controller
class HouseholdController {

    private final HouseholdReads reads;
    private final HouseholdQueries queries;
    private final Plans plans;
    private final RegieRules regieRules;
    private final Clock clock;
    private final ConsentQueries consents;
    private final Pseudonymiser pseudonymiser;

    HouseholdController(
            HouseholdReads reads,
            HouseholdQueries queries,
            ConsentQueries consents,
            Plans plans,
            RegieRules regieRules,
            Clock clock,
            Pseudonymiser pseudonymiser,
            BatchLoaderRegistry loaders) {
        this.reads = reads;
        this.queries = queries;
        this.consents = consents;
        this.plans = plans;
        this.regieRules = regieRules;
        this.clock = clock;
        this.pseudonymiser = pseudonymiser;
        loaders.forTypePair(String.class, HouseholdCircle.class)
                .registerMappedBatchLoader((ids, environment) -> Mono.fromCallable(() -> {
                    NabijUser user = ((GraphQLContext) environment.getContext()).get(NabijUser.class);
                    return asSeenBy(user, queries.circles(ids, user));
                }));
    }

    /**
     * When the request shows anything of the household's circle, the circle is read with the household, in its
     * transaction, and handed to the data loader, which then has nothing left to read.
     */
    @QueryMapping
    Optional<Household> household(
            @Argument String id,
            Actor actor,
            DataFetchingFieldSelectionSet selection,
            DataLoader<String, HouseholdCircle> circles) {
        String valid = Ids.requireUuid("id", id);
        if (!selection.containsAnyOf("members", "involvements", "coordinator", "overlap")) {
            return reads.byId(valid, actor.user(), actor.origin());
        }
        return reads.byIdWithCircle(valid, actor.user(), actor.origin()).map(viewed -> {
            Household household = viewed.found().household();
            HouseholdCircle seen = viewed.circle() == null
                    ? null
                    : asSeenBy(actor.user(), Map.of(household.id(), viewed.circle()))
                            .get(household.id());
            if (seen != null) {
                circles.prime(household.id(), seen);
            }
            return household;
        });
    }

    @QueryMapping
    List<Household> householdsAtAddress(
            @Argument String postcode, @Argument int houseNumber, @Argument String houseNumberAddition, Actor actor) {
        return reads.atAddress(
                Addresses.normalisePostcode(postcode),
                Addresses.requireHouseNumber(houseNumber),
                Addresses.normaliseAddition(houseNumberAddition),
                actor.user(),
                actor.origin());
    }

    @QueryMapping
    Optional<Household> householdOfResident(@Argument String bsn, Actor actor) {
        Bsn valid = Bsn.parse(bsn)
                .orElseThrow(() -> new InvalidArgumentException(
                        "bsn", "INVALID_BSN", "bsn must be nine digits that pass the elfproef"));
        return reads.ofResident(pseudonymiser.pseudonymise(valid), actor.user(), actor.origin());
    }

    @QueryMapping
    Window<Household> households(@Argument String neighbourhoodCode, ScrollSubrange subrange, Actor actor) {
        return reads.inNeighbourhood(
                Ids.requireCbsCode("neighbourhoodCode", neighbourhoodCode, "BU", 8),
                subrange,
                actor.user(),
                actor.origin());
    }

    @BatchMapping
    Map<Household, List<PlanGoal>> plan(List<Household> households) {
        return plans.ofHouseholds(households, Household::id);
    }

    @BatchMapping
    Map<Household, List<RegieFlag>> regieFlags(List<Household> households) {
        return regieRules.flags(households, Household::id, LocalDate.now(clock));
    }

    @BatchMapping
    Map<Household, List<Consent>> consents(List<Household> households, GraphQLContext context) {
        Map<Household, List<Consent>> all = consents.ofHouseholds(households, Household::id);
        NabijUser user = context.get(NabijUser.class);
        if (user == null || user.role() != Role.RESIDENT) {
            return all;
        }
        Optional<ResidentShare> share = queries.memberRole(user.residentId())
                .map(role -> new ResidentShare(user.residentId(), role, Year.now(clock)));
        Map<Household, List<Consent>> theirs = new HashMap<>();
        all.forEach((household, given) ->
                theirs.put(household, share.map(own -> own.consents(given)).orElse(List.of())));
        return theirs;
    }

    /** A resident's view of their household's circle; everyone else's is the whole circle (their scope decided it). */
    private Map<String, HouseholdCircle> asSeenBy(NabijUser user, Map<String, HouseholdCircle> circles) {
        if (user == null || user.role() != Role.RESIDENT) {
            return circles;
        }
        Map<String, HouseholdCircle> seen = new HashMap<>();
        circles.forEach((id, circle) -> shareIn(user, circle).ifPresent(share -> seen.put(id, share.of(circle))));
        return seen;
    }

    private Optional<ResidentShare> shareIn(NabijUser user, HouseholdCircle circle) {
        return ResidentShare.of(user.residentId(), circle, Year.now(clock));
    }

    @SchemaMapping
    CompletableFuture<List<Resident>> members(Household household, DataLoader<String, HouseholdCircle> circles) {
        return circles.load(household.id()).thenApply(HouseholdCircle::members);
    }

    @SchemaMapping
    CompletableFuture<List<Involvement>> involvements(
            Household household,
            @Argument boolean activeOnly,
            @Argument LocalDate asOf,
            DataLoader<String, HouseholdCircle> circles) {
        // The circle holds ended involvements too, so "as of" is a filter on it and costs no statement of its own.
        Predicate<Involvement> wanted = asOf != null
                ? involvement -> involvement.heldOn(asOf)
                : involvement -> !activeOnly || involvement.active();
        return circles.load(household.id())
                .thenApply(
                        circle -> circle.involvements().stream().filter(wanted).toList());
    }

    @SchemaMapping
    CompletableFuture<Professional> coordinator(Household household, DataLoader<String, HouseholdCircle> circles) {
        return circles.load(household.id()).thenApply(HouseholdCircle::coordinator);
    }

    @SchemaMapping
    CompletableFuture<OverlapSummary> overlap(Household household, DataLoader<String, HouseholdCircle> circles) {
        return circles.load(household.id()).thenApply(HouseholdCircle::overlap);
    }
}

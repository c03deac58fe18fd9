package nl.nabij.regie;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import nl.nabij.api.ClientMutationIds;
import nl.nabij.api.Ids;
import nl.nabij.api.InputError;
import nl.nabij.api.PlainText;
import nl.nabij.regie.RegieQueries.GoalChange;
import nl.nabij.regie.RegieQueries.GoalOwner;
import nl.nabij.regie.RegieQueries.NewGoal;
import nl.nabij.security.NabijUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The household's shared plan: goals, each owned by one of the professionals actively involved, with a status and
 * dates. Anyone who sees the household reads the plan; those involved and the team lead add and update goals.
 */
@Service
public class Plans {

    private static final int SHORTEST_TITLE = 3;
    private static final int LONGEST_TITLE = 200;

    private final RegieQueries store;
    private final HouseholdChange change;

    Plans(RegieQueries store, HouseholdChange change) {
        this.store = store;
        this.change = change;
    }

    /** The plans of a batch of households, in one statement, goals ordered by due date. */
    public <P> Map<P, List<PlanGoal>> ofHouseholds(Collection<P> households, Function<P, String> idOf) {
        return store.planGoals(households, idOf);
    }

    /** The result of a plan mutation: the goal as it now stands, or the errors that stopped it. */
    record Payload(PlanGoal goal, List<InputError> errors) {}

    /** The input of {@code addPlanGoal}. */
    record AddInput(
            String clientMutationId,
            String householdId,
            String title,
            String ownerId,
            LocalDate startsOn,
            LocalDate dueOn) {}

    /** The input of {@code updatePlanGoal}: fields left out keep their value. */
    record UpdateInput(String goalId, String title, PlanGoal.GoalStatus status, String ownerId, LocalDate dueOn) {}

    @Transactional
    Payload add(NabijUser user, AddInput input, String origin) {
        List<InputError> errors = new ArrayList<>(titleErrors(input.title(), true));
        if (input.startsOn() != null && input.dueOn() != null && input.dueOn().isBefore(input.startsOn())) {
            errors.add(new InputError("dueOn", "DUE_BEFORE_START", "dueOn is on or after startsOn"));
        }
        String owner = Ids.canonicalUuid(input.ownerId());
        if (owner == null) {
            errors.add(new InputError("ownerId", "MALFORMED_ID", "ownerId must be a UUID"));
        }
        ClientMutationIds.problem(input.clientMutationId()).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            return new Payload(null, errors);
        }
        var household = change.open(user, Ids.canonicalUuid(input.householdId()), owner);
        if (household.isEmpty()) {
            return failed("householdId", "UNKNOWN_HOUSEHOLD", "no household you may see has this id");
        }
        String clientMutationId = ClientMutationIds.normalised(input.clientMutationId());
        if (clientMutationId != null) {
            Optional<PlanGoal> added =
                    store.goalAddedBefore(household.get().householdId(), clientMutationId, user.username());
            if (added.isPresent()) {
                change.replayed(user, origin, household.get(), "plan-goal-add-retry");
                return new Payload(added.get(), List.of());
            }
        }
        Optional<InputError> ownerError = ownerError(household.get().householdId(), owner);
        if (ownerError.isPresent()) {
            return new Payload(null, List.of(ownerError.get()));
        }
        PlanGoal goal = store.addGoal(new NewGoal(
                UUID.randomUUID().toString(),
                household.get().householdId(),
                owner,
                input.title().strip(),
                input.startsOn(),
                input.dueOn(),
                user.username(),
                clientMutationId));
        change.recorded(user, origin, household.get(), "plan-goal-add");
        return new Payload(goal, List.of());
    }

    @Transactional
    Payload update(NabijUser user, UpdateInput input, String origin) {
        List<InputError> errors = new ArrayList<>(titleErrors(input.title(), false));
        String owner = Ids.canonicalUuid(input.ownerId());
        if (input.ownerId() != null && owner == null) {
            errors.add(new InputError("ownerId", "MALFORMED_ID", "ownerId must be a UUID"));
        }
        String goalId = Ids.canonicalUuid(input.goalId());
        if (!errors.isEmpty()) {
            return new Payload(null, errors);
        }
        Optional<String> householdId = goalId == null ? Optional.empty() : store.householdOfGoal(goalId);
        var household = householdId.flatMap(id -> change.open(user, id, owner));
        if (household.isEmpty()) {
            return failed("goalId", "UNKNOWN_GOAL", "no goal of a household you may see has this id");
        }
        if (owner != null) {
            Optional<InputError> ownerError = ownerError(household.get().householdId(), owner);
            if (ownerError.isPresent()) {
                return new Payload(null, List.of(ownerError.get()));
            }
        }
        PlanGoal goal = store.updateGoal(new GoalChange(
                goalId,
                input.status(),
                input.title() == null ? null : input.title().strip(),
                input.dueOn(),
                owner));
        change.recorded(user, origin, household.get(), "plan-goal-update");
        return new Payload(goal, List.of());
    }

    private Optional<InputError> ownerError(String householdId, String owner) {
        GoalOwner candidate = store.goalOwner(householdId, owner);
        if (!candidate.known()) {
            return Optional.of(new InputError("ownerId", "UNKNOWN_PROFESSIONAL", "no professional has this id"));
        }
        if (!candidate.involved()) {
            return Optional.of(new InputError(
                    "ownerId", "OWNER_NOT_INVOLVED", "a goal's owner is actively involved with the household"));
        }
        return Optional.empty();
    }

    private static List<InputError> titleErrors(String title, boolean required) {
        if (title == null) {
            return required
                    ? List.of(new InputError("title", "TITLE_LENGTH", "title is 3 to 200 characters"))
                    : List.of();
        }
        String stripped = title.strip();
        if (stripped.length() < SHORTEST_TITLE || stripped.length() > LONGEST_TITLE) {
            return List.of(new InputError(
                    "title", "TITLE_LENGTH", "title is " + SHORTEST_TITLE + " to " + LONGEST_TITLE + " characters"));
        }
        if (!PlainText.isPlain(stripped)) {
            return List.of(new InputError(
                    "title", "TITLE_CHARACTERS", "title is plain text: no control or invisible characters, < or >"));
        }
        return List.of();
    }

    private static Payload failed(String field, String code, String message) {
        return new Payload(null, List.of(new InputError(field, code, message)));
    }
}

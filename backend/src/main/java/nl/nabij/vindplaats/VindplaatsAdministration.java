package nl.nabij.vindplaats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.nabij.api.ClientMutationIds;
import nl.nabij.api.Ids;
import nl.nabij.api.InputError;
import nl.nabij.audit.AuditEntry;
import nl.nabij.audit.AuditTrail;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import org.springframework.graphql.data.ArgumentValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeping the social map: adding, correcting and retiring vindplaatsen. Administrators keep all of it; a team lead
 * keeps the vindplaatsen in the neighbourhoods their team serves, where the team knows them. Input is checked whole
 * first; a change is written with its audit event in one transaction, and a refused one writes nothing.
 */
@Service
class VindplaatsAdministration {

    private final VindplaatsQueries store;
    private final VindplaatsRules rules;
    private final AuditTrail trail;

    VindplaatsAdministration(VindplaatsQueries store, VindplaatsRules rules, AuditTrail trail) {
        this.store = store;
        this.rules = rules;
        this.trail = trail;
    }

    /** The input of {@code createVindplaats}. Without a kind it is the category's. */
    record CreateInput(
            String clientMutationId,
            String name,
            VindplaatsKind kind,
            VindplaatsCategory category,
            String description,
            VindplaatsAddress address,
            String neighbourhoodCode,
            List<OpeningHours> openingHours,
            VindplaatsContact contact,
            Boolean isPublic,
            String organisationId) {}

    /**
     * The input of {@code updateVindplaats}: a field left out keeps its value. Description, address, contact and
     * organisation are removed by giving null; opening hours are replaced by the list given, an empty one removes them.
     */
    record UpdateInput(
            String id,
            String name,
            VindplaatsKind kind,
            VindplaatsCategory category,
            ArgumentValue<String> description,
            ArgumentValue<VindplaatsAddress> address,
            String neighbourhoodCode,
            List<OpeningHours> openingHours,
            ArgumentValue<VindplaatsContact> contact,
            Boolean isPublic,
            ArgumentValue<String> organisationId) {}

    /** The input of {@code retireVindplaats}. */
    record RetireInput(String id) {}

    /** The result of a vindplaats mutation: the vindplaats as it now stands, or the errors that stopped it. */
    record Payload(Vindplaats vindplaats, List<InputError> errors) {

        static Payload refused(List<InputError> errors) {
            return new Payload(null, errors);
        }

        static Payload refused(String field, String code, String message) {
            return refused(List.of(new InputError(field, code, message)));
        }
    }

    @Transactional
    Payload create(NabijUser user, CreateInput input, String origin) {
        VindplaatsDraft draft = new VindplaatsDraft(
                        input.name(),
                        input.kind(),
                        input.category(),
                        input.description(),
                        input.address(),
                        input.neighbourhoodCode(),
                        input.openingHours(),
                        input.contact(),
                        Boolean.TRUE.equals(input.isPublic()),
                        VindplaatsStatus.ACTIVE,
                        input.organisationId())
                .normalised();
        VindplaatsRules.Verdict verdict = rules.check(draft);
        List<InputError> errors = new ArrayList<>(verdict.errors());
        ClientMutationIds.problem(input.clientMutationId()).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            return Payload.refused(errors);
        }
        if (!inArea(user, verdict.neighbourhoodCode())) {
            return Payload.refused(outsideArea("neighbourhoodCode"));
        }
        VindplaatsDraft stored = draft.asStored(verdict.neighbourhoodCode());
        String clientMutationId = ClientMutationIds.normalised(input.clientMutationId());
        Vindplaats created = clientMutationId == null
                ? store.create(stored, null)
                : store.createOnce(stored, user.username(), clientMutationId);
        audit(user, origin, "vindplaats-create");
        return new Payload(created, List.of());
    }

    @Transactional
    Payload update(NabijUser user, UpdateInput input, String origin) {
        Optional<VindplaatsDetails> found = existing(input.id());
        if (found.isEmpty()) {
            return unknown(input.id());
        }
        VindplaatsDetails current = found.get();
        VindplaatsDraft was = current.draft();
        if (!inArea(user, was.neighbourhoodCode())) {
            return Payload.refused(outsideArea("id"));
        }
        VindplaatsCategory category = input.category() == null ? was.category() : input.category();
        boolean moved = input.address().isPresent();
        VindplaatsDraft draft = new VindplaatsDraft(
                        input.name() == null ? was.name() : input.name(),
                        input.kind() != null ? input.kind() : input.category() != null ? null : was.kind(),
                        category,
                        input.description().isOmitted()
                                ? was.description()
                                : input.description().value(),
                        input.address().isOmitted()
                                ? was.address()
                                : input.address().value(),
                        input.neighbourhoodCode() != null
                                ? input.neighbourhoodCode()
                                : moved ? null : was.neighbourhoodCode(),
                        input.openingHours() == null ? was.openingHours() : input.openingHours(),
                        input.contact().isOmitted()
                                ? was.contact()
                                : input.contact().value(),
                        input.isPublic() == null ? was.isPublic() : input.isPublic(),
                        was.status(),
                        input.organisationId().isOmitted()
                                ? was.organisationId()
                                : input.organisationId().value())
                .normalised();
        VindplaatsRules.Verdict verdict = rules.check(draft);
        if (!verdict.errors().isEmpty()) {
            return Payload.refused(verdict.errors());
        }
        if (!inArea(user, verdict.neighbourhoodCode())) {
            return Payload.refused(outsideArea("neighbourhoodCode"));
        }
        Vindplaats updated = store.update(current.id(), draft.asStored(verdict.neighbourhoodCode()));
        audit(user, origin, "vindplaats-update");
        return new Payload(updated, List.of());
    }

    @Transactional
    Payload retire(NabijUser user, RetireInput input, String origin) {
        Optional<VindplaatsDetails> found = existing(input.id());
        if (found.isEmpty()) {
            return unknown(input.id());
        }
        VindplaatsDetails current = found.get();
        VindplaatsDraft was = current.draft();
        if (!inArea(user, was.neighbourhoodCode())) {
            return Payload.refused(outsideArea("id"));
        }
        if (was.status() == VindplaatsStatus.RETIRED) {
            return Payload.refused("id", "ALREADY_RETIRED", "the vindplaats was retired before");
        }
        VindplaatsDraft retired = new VindplaatsDraft(
                was.name(),
                was.kind(),
                was.category(),
                was.description(),
                was.address(),
                was.neighbourhoodCode(),
                was.openingHours(),
                was.contact(),
                was.isPublic(),
                VindplaatsStatus.RETIRED,
                was.organisationId());
        Vindplaats updated = store.update(current.id(), retired);
        audit(user, origin, "vindplaats-retire");
        return new Payload(updated, List.of());
    }

    private Optional<VindplaatsDetails> existing(String id) {
        String canonical = Ids.canonicalUuid(id);
        return canonical == null ? Optional.empty() : store.details(canonical);
    }

    private static Payload unknown(String id) {
        return Ids.canonicalUuid(id) == null
                ? Payload.refused("id", "MALFORMED_ID", "id must be a UUID")
                : Payload.refused("id", "UNKNOWN_VINDPLAATS", "no vindplaats has this id");
    }

    private boolean inArea(NabijUser user, String neighbourhoodCode) {
        if (user.role() != Role.TEAM_LEAD) {
            return true;
        }
        if (user.professionalId() == null) {
            return false;
        }
        return store.teamServesNeighbourhood(user.professionalId(), neighbourhoodCode);
    }

    private static List<InputError> outsideArea(String field) {
        List<InputError> errors = new ArrayList<>();
        errors.add(new InputError(
                field, "OUTSIDE_AREA", "a team lead keeps the vindplaatsen of the neighbourhoods their team serves"));
        return errors;
    }

    private void audit(NabijUser user, String origin, String purpose) {
        String basis = user.role() == Role.TEAM_LEAD ? "team-area" : "social-map-administration";
        trail.append(user, origin, List.of(new AuditEntry("CHANGE", true, purpose, basis, List.of())));
    }
}

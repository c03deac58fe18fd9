package nl.nabij.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.nabij.api.ClientMutationIds;
import nl.nabij.api.Ids;
import nl.nabij.api.InputError;
import nl.nabij.api.PlainText;
import nl.nabij.audit.AuditEntry;
import nl.nabij.audit.AuditTrail;
import nl.nabij.security.NabijUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's changes to organisations: adding one and correcting its name, kind or care line. Input is
 * checked whole first; a change is written with its audit event in one transaction.
 */
@Service
class OrganisationAdministration {

    private static final int SHORTEST_NAME = 2;
    private static final int LONGEST_NAME = 120;
    private static final String BASIS = "organisation-administration";

    private final DirectoryQueries queries;
    private final AuditTrail trail;

    OrganisationAdministration(DirectoryQueries queries, AuditTrail trail) {
        this.queries = queries;
        this.trail = trail;
    }

    /** The input of {@code createOrganisation}. */
    record CreateInput(String clientMutationId, String name, OrganisationKind kind, CareLine careLine) {}

    /** The input of {@code updateOrganisation}: the fields left out keep their value. */
    record UpdateInput(String id, String name, OrganisationKind kind, CareLine careLine) {}

    /** The result of an organisation mutation: the organisation as it now stands, or the errors that stopped it. */
    record Payload(Organisation organisation, List<InputError> errors) {}

    @Transactional
    Payload create(NabijUser administrator, CreateInput input, String origin) {
        Optional<InputError> badKey = ClientMutationIds.problem(input.clientMutationId());
        if (badKey.isPresent()) {
            return new Payload(null, List.of(badKey.get()));
        }
        String clientMutationId = ClientMutationIds.normalised(input.clientMutationId());
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("createdBy", administrator.username());
        parameters.put("clientMutationId", clientMutationId);
        if (clientMutationId != null) {
            // A retry whose first answer was lost: the organisation it made, not NAME_TAKEN against itself.
            Optional<Payload> before = written(
                    queries.organisationCreatedBefore(parameters), administrator, origin, "organisation-create-retry");
            if (before.isPresent()) {
                return before.get();
            }
        }
        String name = input.name() == null ? null : input.name().strip();
        List<InputError> errors = nameErrors(name, null);
        if (!errors.isEmpty()) {
            return new Payload(null, errors);
        }
        parameters.put("id", UUID.randomUUID().toString());
        parameters.put("name", name);
        parameters.put("kind", input.kind().name());
        parameters.put("careLine", input.careLine().name());
        return written(queries.createOrganisation(parameters), administrator, origin, "organisation-create")
                .orElseThrow(() -> new IllegalStateException("the organisation was not written"));
    }

    @Transactional
    Payload update(NabijUser administrator, UpdateInput input, String origin) {
        String id = Ids.canonicalUuid(input.id());
        if (id == null) {
            return new Payload(null, List.of(new InputError("id", "MALFORMED_ID", "id must be a UUID")));
        }
        String name = input.name() == null ? null : input.name().strip();
        List<InputError> errors = name == null ? List.of() : nameErrors(name, id);
        if (!errors.isEmpty()) {
            return new Payload(null, errors);
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", id);
        parameters.put("name", name);
        parameters.put("kind", input.kind() == null ? null : input.kind().name());
        parameters.put(
                "careLine", input.careLine() == null ? null : input.careLine().name());
        return written(queries.updateOrganisation(parameters), administrator, origin, "organisation-update")
                .orElseGet(() -> new Payload(
                        null, List.of(new InputError("id", "UNKNOWN_ORGANISATION", "no organisation has this id"))));
    }

    private Optional<Payload> written(
            Optional<Organisation> written, NabijUser administrator, String origin, String purpose) {
        return written.map(organisation -> {
            trail.append(administrator, origin, List.of(new AuditEntry("CHANGE", true, purpose, BASIS, List.of())));
            return new Payload(organisation, List.of());
        });
    }

    private List<InputError> nameErrors(String name, String id) {
        List<InputError> errors = new ArrayList<>();
        if (name == null || name.length() < SHORTEST_NAME || name.length() > LONGEST_NAME) {
            errors.add(new InputError(
                    "name", "NAME_LENGTH", "name is " + SHORTEST_NAME + " to " + LONGEST_NAME + " characters"));
        } else if (!PlainText.isPlain(name)) {
            errors.add(new InputError(
                    "name", "NAME_CHARACTERS", "name is plain text: no control or invisible characters, < or >"));
        } else {
            if (queries.organisationNameTaken(name, id)) {
                errors.add(new InputError("name", "NAME_TAKEN", "another organisation has this name"));
            }
        }
        return errors;
    }
}

package nl.nabij.vindplaats.hsds;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.nabij.api.Ids;
import nl.nabij.api.InputError;
import nl.nabij.api.PlainText;
import nl.nabij.audit.AuditEntry;
import nl.nabij.audit.AuditTrail;
import nl.nabij.directory.CareLine;
import nl.nabij.directory.OrganisationKind;
import nl.nabij.security.NabijUser;
import nl.nabij.vindplaats.OpeningHours;
import nl.nabij.vindplaats.VindplaatsAddress;
import nl.nabij.vindplaats.VindplaatsCategory;
import nl.nabij.vindplaats.VindplaatsContact;
import nl.nabij.vindplaats.VindplaatsDetails;
import nl.nabij.vindplaats.VindplaatsDraft;
import nl.nabij.vindplaats.VindplaatsQueries;
import nl.nabij.vindplaats.VindplaatsRules;
import nl.nabij.vindplaats.VindplaatsStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.JsonNode;

/**
 * Reads an HSDS 3.0 bundle into the social map. Organisations first, then vindplaatsen, each record in a transaction of
 * its own with its audit event: a record is written whole or not at all, and a broken one is reported (its id, the
 * field, a code) while the others go on. Records are matched by their HSDS id, kept on what they created, so importing
 * the same data again changes nothing; a record that would write what is already there is not written.
 */
@Service
class HsdsImport {

    private static final Logger LOG = LoggerFactory.getLogger(HsdsImport.class);
    private static final Pattern STREET_LINE = Pattern.compile("(.*\\S)\\s+(\\d{1,5})\\s*([A-Za-z]{1,2})?");
    private static final Pattern TIME = Pattern.compile("(\\d\\d:\\d\\d)(:00)?");
    private static final String BASIS = "social-map-administration";
    static final String NOTHING_IMPORTED = "NOTHING_IMPORTED";
    static final String UNCLASSIFIED_LOCATION = "location";
    static final String UNCLASSIFIED_ORGANIZATION = "organization";

    private final VindplaatsQueries store;
    private final HsdsQueries hsds;
    private final VindplaatsRules rules;
    private final AuditTrail trail;
    private final TransactionOperations transactions;

    HsdsImport(
            VindplaatsQueries store,
            HsdsQueries hsds,
            VindplaatsRules rules,
            AuditTrail trail,
            TransactionOperations transactions) {
        this.store = store;
        this.hsds = hsds;
        this.rules = rules;
        this.trail = trail;
        this.transactions = transactions;
    }

    /**
     * How many records of one kind were created, updated, found unchanged, or failed; of those kept, how many wait for
     * a person to classify them (a location or organization without Nabij's taxonomies, a service at one or at none).
     */
    record Counts(int created, int updated, int unchanged, int failed, int needsClassification) {}

    /** A record that was not imported: which one, the field at fault (HSDS names), a stable code and why. */
    record RecordError(String record, String id, String field, String code, String message) {}

    /** What an import did. */
    record Report(Counts organizations, Counts vindplaatsen, Counts services, List<RecordError> errors, long millis) {}

    private enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED,
        FAILED
    }

    /** What importing one record did, and whether what it kept waits for a person to classify it. */
    private record Done(Outcome outcome, boolean waiting) {

        static final Done FAILED = new Done(Outcome.FAILED, false);

        static Done of(Outcome outcome) {
            return new Done(outcome, false);
        }
    }

    /** The outcomes of the records of one kind. */
    private static final class Tally {

        private final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        private int waiting;

        void add(Done done) {
            outcomes.merge(done.outcome(), 1, Integer::sum);
            if (done.waiting()) {
                waiting++;
            }
        }

        boolean isEmpty() {
            return outcomes.isEmpty();
        }

        Counts counts() {
            return new Counts(
                    outcomes.getOrDefault(Outcome.CREATED, 0),
                    outcomes.getOrDefault(Outcome.UPDATED, 0),
                    outcomes.getOrDefault(Outcome.UNCHANGED, 0),
                    outcomes.getOrDefault(Outcome.FAILED, 0),
                    waiting);
        }
    }

    /**
     * Imports the JSON of a bundle. A bundle whose shape does not fit HSDS (see {@link HsdsShape}) is refused whole,
     * before anything is written.
     */
    Report importJson(NabijUser user, JsonNode sent, String origin) {
        JsonNode document = HsdsDocuments.asBundle(sent);
        List<RecordError> problems = HsdsShape.problems(document);
        if (!problems.isEmpty()) {
            throw new MalformedBundle(problems);
        }
        Hsds.Bundle bundle = new Hsds.Bundle(
                document.path("version").asString(null),
                records(document, "organizations", Hsds.Organization.class),
                records(document, "services", Hsds.Service.class),
                records(document, "locations", Hsds.Location.class),
                records(document, "service_at_locations", Hsds.ServiceAtLocation.class));
        return importBundle(user, bundle, origin);
    }

    private static <T> List<T> records(JsonNode document, String array, Class<T> type) {
        List<T> records = new ArrayList<>();
        for (JsonNode item : document.path(array)) {
            records.add(Hsds.JSON.treeToValue(item, type));
        }
        return records;
    }

    /** A bundle that does not have the shape of one: what is wrong, each naming its place. */
    static final class MalformedBundle extends RuntimeException {

        private final transient List<RecordError> problems;

        MalformedBundle(List<RecordError> problems) {
            super("the bundle does not have the shape HSDS 3.0 gives it");
            this.problems = List.copyOf(problems);
        }

        List<RecordError> problems() {
            return problems;
        }
    }

    /**
     * Imports a bundle, each record on its own: a broken record is reported, and the others are imported. Organizations
     * first, then locations, then services with their links to both; a location or organization without Nabij's
     * taxonomies is kept as it came, for a person to classify, and the services at it are flagged.
     */
    Report importBundle(NabijUser user, Hsds.Bundle bundle, String origin) {
        long started = System.nanoTime();
        List<RecordError> errors = new ArrayList<>();
        List<Hsds.Location> locations = orEmpty(bundle.locations());
        Set<String> ownOrganizations = new HashSet<>();
        locations.forEach(location -> ownOrganizations.add(Hsds.ownOrganizationId(location.id())));

        Tally organisationOutcomes = new Tally();
        Set<String> seen = new HashSet<>();
        for (Hsds.Organization organization : orEmpty(bundle.organizations())) {
            if (ownOrganizations.contains(organization.id())) {
                continue;
            }
            Done outcome = once(organization.id(), "organization", seen, errors)
                    ? run(
                            "organization",
                            organization.id(),
                            errors,
                            found -> organisation(user, organization, origin, found))
                    : Done.FAILED;
            organisationOutcomes.add(outcome);
        }

        Map<String, Hsds.Service> services = new HashMap<>();
        orEmpty(bundle.services()).forEach(service -> services.putIfAbsent(service.id(), service));
        Map<String, List<Hsds.ServiceAtLocation>> linksAt = new HashMap<>();
        Map<String, List<Hsds.ServiceAtLocation>> linksOf = new LinkedHashMap<>();
        for (Hsds.ServiceAtLocation link : orEmpty(bundle.serviceAtLocations())) {
            linksAt.computeIfAbsent(link.locationId(), key -> new ArrayList<>()).add(link);
            linksOf.computeIfAbsent(link.serviceId(), key -> new ArrayList<>()).add(link);
        }
        Tally vindplaatsOutcomes = new Tally();
        seen.clear();
        for (Hsds.Location location : locations) {
            // The place's status and organisation come from the first service at it, as the document lists them.
            Hsds.ServiceAtLocation first = linksAt.getOrDefault(location.id(), List.of()).stream()
                    .findFirst()
                    .orElse(null);
            Done outcome = once(location.id(), "location", seen, errors)
                    ? run(
                            "location",
                            location.id(),
                            errors,
                            found -> vindplaats(user, location, first, services, origin, found))
                    : Done.FAILED;
            vindplaatsOutcomes.add(outcome);
        }

        Tally serviceOutcomes = new Tally();
        seen.clear();
        for (Hsds.Service service : orEmpty(bundle.services())) {
            List<Hsds.ServiceAtLocation> links = linksOf.getOrDefault(service.id(), List.of());
            if (links.stream().anyMatch(link -> Hsds.derivedId("service", link.locationId())
                    .equals(service.id()))) {
                // A service Nabij derived from one of its own places (an export of Nabij's): the place is the service.
                continue;
            }
            Done outcome = once(service.id(), "service", seen, errors)
                    ? run("service", service.id(), errors, found -> service(user, service, links, origin, found))
                    : Done.FAILED;
            serviceOutcomes.add(outcome);
        }
        if (organisationOutcomes.isEmpty()
                && vindplaatsOutcomes.isEmpty()
                && serviceOutcomes.isEmpty()
                && errors.isEmpty()) {
            errors.add(new RecordError(
                    "bundle",
                    null,
                    "",
                    NOTHING_IMPORTED,
                    "the document holds no HSDS organization, service or location: nothing was imported"));
        }
        return new Report(
                organisationOutcomes.counts(),
                vindplaatsOutcomes.counts(),
                serviceOutcomes.counts(),
                errors,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static boolean once(String id, String record, Set<String> seen, List<RecordError> errors) {
        if (id != null && !seen.add(id)) {
            errors.add(new RecordError(record, id, "id", "DUPLICATE_ID", "an earlier " + record + " has this id"));
            return false;
        }
        return true;
    }

    /** Runs one record in its own transaction; what it reports rolls it back whole. */
    private Done run(String record, String id, List<RecordError> errors, Function<List<InputError>, Done> importer) {
        List<InputError> found = new ArrayList<>();
        try {
            Done outcome = transactions.execute(status -> {
                Done result = importer.apply(found);
                if (result.outcome() == Outcome.FAILED) {
                    status.setRollbackOnly();
                }
                return result;
            });
            found.forEach(
                    error -> errors.add(new RecordError(record, id, error.field(), error.code(), error.message())));
            return outcome;
        } catch (RuntimeException e) {
            LOG.warn("HSDS {} {} could not be written", record, id, e);
            errors.add(new RecordError(record, id, "", "NOT_WRITTEN", "the record could not be written"));
            return Done.FAILED;
        }
    }

    private Done organisation(NabijUser user, Hsds.Organization organization, String origin, List<InputError> errors) {
        String id = Ids.canonicalUuid(organization.id());
        if (id == null) {
            errors.add(new InputError("id", "MALFORMED_ID", "id must be a UUID"));
        }
        String name = organization.name() == null ? null : organization.name().strip();
        if (name == null || name.length() < 2 || name.length() > 120) {
            errors.add(new InputError("name", "NAME_LENGTH", "name is 2 to 120 characters"));
        } else if (!PlainText.isPlain(name)) {
            errors.add(new InputError(
                    "name", "NAME_CHARACTERS", "name is plain text: no control or invisible characters, < or >"));
        }
        OrganisationKind kind = term(
                organization.attributes(), Hsds.ORGANISATION_KIND_TAXONOMY, false, OrganisationKind::valueOf, errors);
        CareLine careLine = term(organization.attributes(), Hsds.CARE_LINE_TAXONOMY, false, CareLine::valueOf, errors);
        if (!errors.isEmpty()) {
            return Done.FAILED;
        }
        Optional<VindplaatsQueries.OrganisationRecord> existing = store.organisationByHsdsId(id);
        if (kind == null || careLine == null) {
            if (existing.isEmpty()) {
                return keepUnclassified(user, UNCLASSIFIED_ORGANIZATION, id, name, organization, origin);
            }
            // Classified before, by an earlier record or a person: a record without the attributes keeps that.
            kind = kind == null ? existing.get().kind() : kind;
            careLine = careLine == null ? existing.get().careLine() : careLine;
        }
        if (store.organisationNameTaken(
                name, existing.map(VindplaatsQueries.OrganisationRecord::id).orElse(null))) {
            errors.add(new InputError("name", "NAME_TAKEN", "another organisation has this name"));
            return Done.FAILED;
        }
        hsds.forgetUnclassified(UNCLASSIFIED_ORGANIZATION, id);
        if (existing.isPresent()) {
            VindplaatsQueries.OrganisationRecord was = existing.get();
            if (was.name().equals(name) && was.kind() == kind && was.careLine() == careLine) {
                return Done.of(Outcome.UNCHANGED);
            }
            store.updateOrganisation(was.id(), name, kind, careLine);
            audit(user, origin);
            return Done.of(Outcome.UPDATED);
        }
        store.createOrganisation(id, name, kind, careLine);
        audit(user, origin);
        return Done.of(Outcome.CREATED);
    }

    /**
     * Keeps a location or organization that came without Nabij's taxonomies as it came (the fields Nabij reads), off
     * the map and out of every figure, until a person classifies it.
     */
    private Done keepUnclassified(NabijUser user, String table, String id, String name, Object record, String origin) {
        String json = Hsds.JSON.writeValueAsString(record);
        Optional<HsdsQueries.UnclassifiedRecord> was = hsds.unclassified(HsdsQueries.UnclassifiedRecord.key(table, id));
        if (was.isPresent() && was.get().json().equals(json)) {
            return new Done(Outcome.UNCHANGED, true);
        }
        hsds.keepUnclassified(table, id, name, json);
        audit(user, origin);
        return new Done(was.isPresent() ? Outcome.UPDATED : Outcome.CREATED, true);
    }

    private Done vindplaats(
            NabijUser user,
            Hsds.Location location,
            Hsds.ServiceAtLocation link,
            Map<String, Hsds.Service> services,
            String origin,
            List<InputError> errors) {
        String id = Ids.canonicalUuid(location.id());
        if (id == null) {
            errors.add(new InputError("id", "MALFORMED_ID", "id must be a UUID"));
            return Done.FAILED;
        }
        Hsds.Service service = null;
        if (link != null) {
            service = services.get(link.serviceId());
            if (service == null) {
                errors.add(new InputError(
                        "service_at_locations.service_id",
                        "UNKNOWN_SERVICE",
                        "the service at this location is not in the bundle"));
            }
        }
        boolean classified = orEmpty(location.attributes()).stream()
                .anyMatch(attribute -> attribute.taxonomyTerm() != null
                        && Hsds.CATEGORY_TAXONOMY.equals(
                                attribute.taxonomyTerm().taxonomy()));
        Optional<VindplaatsDetails> existing = store.byHsdsId(id);
        if (!classified && existing.isEmpty()) {
            return errors.isEmpty()
                    ? keepUnclassified(user, UNCLASSIFIED_LOCATION, id, location.name(), location, origin)
                    : Done.FAILED;
        }
        // A place classified before, by an earlier record or a person, keeps what a record without the attributes
        // leaves out.
        VindplaatsDraft before = existing.map(VindplaatsDetails::draft).orElse(null);
        FieldNames fields = new FieldNames();
        VindplaatsCategory category = classified
                ? term(location.attributes(), Hsds.CATEGORY_TAXONOMY, true, VindplaatsCategory::valueOf, errors)
                : before.category();
        String neighbourhoodCode =
                term(location.attributes(), Hsds.NEIGHBOURHOOD_TAXONOMY, false, code -> code, errors);
        String visibility =
                term(location.attributes(), Hsds.VISIBILITY_TAXONOMY, false, HsdsImport::visibility, errors);
        if (!classified) {
            neighbourhoodCode = neighbourhoodCode == null ? before.neighbourhoodCode() : neighbourhoodCode;
            visibility = visibility == null ? (before.isPublic() ? "PUBLIC" : "INTERNAL") : visibility;
        }
        VindplaatsAddress address = address(location.addresses(), errors);
        List<OpeningHours> openingHours = openingHours(location.schedules(), fields, errors);
        VindplaatsContact contact = contact(location, fields);
        VindplaatsStatus status = service == null ? VindplaatsStatus.ACTIVE : status(service.status(), errors);
        String organisationId = organisation(id, service, location, errors);
        if (!errors.isEmpty()) {
            return Done.FAILED;
        }
        VindplaatsDraft draft = new VindplaatsDraft(
                        location.name() != null ? location.name() : service == null ? null : service.name(),
                        null,
                        category,
                        location.description() != null
                                ? location.description()
                                : service == null ? null : service.description(),
                        address,
                        neighbourhoodCode,
                        openingHours,
                        contact,
                        "PUBLIC".equals(visibility),
                        status,
                        organisationId)
                .normalised();
        VindplaatsRules.Verdict verdict = rules.check(draft);
        if (!verdict.errors().isEmpty()) {
            verdict.errors().forEach(error -> errors.add(fields.translate(error)));
            return Done.FAILED;
        }
        VindplaatsDraft stored = draft.asStored(verdict.neighbourhoodCode());
        hsds.forgetUnclassified(UNCLASSIFIED_LOCATION, id);
        if (existing.isPresent()) {
            stored = keepingContactName(stored, before);
            if (before.equals(stored)) {
                return Done.of(Outcome.UNCHANGED);
            }
            store.update(existing.get().id(), stored);
            audit(user, origin);
            return Done.of(Outcome.UPDATED);
        }
        store.create(stored, id);
        audit(user, origin);
        return Done.of(Outcome.CREATED);
    }

    /**
     * Keeps a service as a service: its own id, name, description and status, offered at each location it is linked to
     * that Nabij keeps (a vindplaats, or a location waiting for classification) and by its organization. A service at
     * no location is kept too, flagged, as is one at a location or of an organization that waits for a person.
     */
    private Done service(
            NabijUser user,
            Hsds.Service service,
            List<Hsds.ServiceAtLocation> links,
            String origin,
            List<InputError> errors) {
        String id = Ids.canonicalUuid(service.id());
        if (id == null) {
            errors.add(new InputError("id", "MALFORMED_ID", "id must be a UUID"));
        }
        String name = service.name() == null ? "" : service.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.add(new InputError("name", "NAME_LENGTH", "name is 1 to 200 characters"));
        } else if (!PlainText.isPlain(name)) {
            errors.add(new InputError(
                    "name", "NAME_CHARACTERS", "name is plain text: no control or invisible characters, < or >"));
        }
        String description =
                service.description() == null || service.description().isBlank()
                        ? null
                        : service.description().strip();
        VindplaatsStatus status = status(service.status(), errors);
        List<String> vindplaatsIds = new ArrayList<>();
        List<String> unclassifiedLocations = new ArrayList<>();
        List<InputError> unknownLocations = new ArrayList<>();
        for (Hsds.ServiceAtLocation link : links) {
            String key = HsdsQueries.UnclassifiedRecord.key(UNCLASSIFIED_LOCATION, link.locationId());
            Optional<VindplaatsDetails> place = store.byHsdsId(link.locationId());
            if (place.isPresent()) {
                vindplaatsIds.add(place.get().id());
            } else if (hsds.unclassified(key).isPresent()) {
                unclassifiedLocations.add(key);
            } else {
                // The location was refused (and reported) or is elsewhere: the service is kept without it.
                unknownLocations.add(new InputError(
                        "service_at_locations.location_id",
                        "UNKNOWN_LOCATION",
                        "location " + link.locationId() + " is neither in Nabij nor kept from this document"));
            }
        }
        String organisationId = null;
        String unclassifiedOrganization = null;
        String organizationId = service.organizationId();
        boolean ownOrganization = organizationId == null
                || links.stream().anyMatch(link -> Hsds.ownOrganizationId(link.locationId())
                        .equals(organizationId));
        if (!ownOrganization) {
            String key = HsdsQueries.UnclassifiedRecord.key(UNCLASSIFIED_ORGANIZATION, organizationId);
            Optional<VindplaatsQueries.OrganisationRecord> organisation = store.organisationByHsdsId(organizationId);
            if (organisation.isPresent()) {
                organisationId = organisation.get().id();
            } else if (hsds.unclassified(key).isPresent()) {
                unclassifiedOrganization = key;
            } else {
                errors.add(new InputError(
                        "organization_id",
                        "UNKNOWN_ORGANIZATION",
                        "the organization that offers this service is neither in Nabij nor imported"));
            }
        }
        if (!errors.isEmpty()) {
            return Done.FAILED;
        }
        errors.addAll(unknownLocations);
        vindplaatsIds.sort(null);
        unclassifiedLocations.sort(null);
        boolean waiting = !unclassifiedLocations.isEmpty()
                || unclassifiedOrganization != null
                || (vindplaatsIds.isEmpty() && unclassifiedLocations.isEmpty());
        HsdsQueries.StoredService next = new HsdsQueries.StoredService(
                id,
                name,
                description,
                HsdsExport.serviceStatus(status),
                List.copyOf(vindplaatsIds),
                List.copyOf(unclassifiedLocations),
                organisationId,
                unclassifiedOrganization,
                waiting,
                null);
        Optional<HsdsQueries.StoredService> existing = hsds.serviceByHsdsId(id);
        if (existing.isPresent() && existing.get().sameAs(next)) {
            return new Done(Outcome.UNCHANGED, waiting);
        }
        hsds.saveService(next);
        audit(user, origin);
        return new Done(existing.isPresent() ? Outcome.UPDATED : Outcome.CREATED, waiting);
    }

    /**
     * The draft with the stored contact person's name where the record names none. A contact's name is for staff only,
     * so the public export leaves it out; importing that export again must not erase what staff keep. A name is
     * changed by a record that names another, or in Nabij itself.
     */
    private static VindplaatsDraft keepingContactName(VindplaatsDraft draft, VindplaatsDraft was) {
        String name = was.contact() == null ? null : was.contact().name();
        if (name == null || (draft.contact() != null && draft.contact().name() != null)) {
            return draft;
        }
        VindplaatsContact contact = draft.contact() == null
                ? new VindplaatsContact(name, null, null)
                : new VindplaatsContact(
                        name, draft.contact().email(), draft.contact().phone());
        return new VindplaatsDraft(
                draft.name(),
                draft.kind(),
                draft.category(),
                draft.description(),
                draft.address(),
                draft.neighbourhoodCode(),
                draft.openingHours(),
                contact,
                draft.isPublic(),
                draft.status(),
                draft.organisationId());
    }

    /** Where in the HSDS record each field of a draft came from, to name it in an error. */
    private static final class FieldNames {

        private final List<String> schedules = new ArrayList<>();
        private String phone = "contacts[0].phones[0].number";

        InputError translate(InputError error) {
            String field = error.field();
            String hsds;
            if (field.startsWith("openingHours[")) {
                int index = Integer.parseInt(field.substring("openingHours[".length(), field.indexOf(']')));
                String part = field.substring(field.indexOf(']') + 1);
                hsds = schedules.get(index)
                        + (part.equals(".opens") ? ".opens_at" : part.equals(".closes") ? ".closes_at" : ".byday");
            } else {
                hsds = switch (field) {
                    case "category", "neighbourhoodCode" -> "attributes";
                    case "address.street",
                            "address.houseNumber",
                            "address.houseNumberAddition" -> "addresses[0].address_1";
                    case "address.postcode" -> "addresses[0].postal_code";
                    case "address.city" -> "addresses[0].city";
                    case "openingHours" -> "schedules";
                    case "contact.name" -> "contacts[0].name";
                    case "contact.email" -> "contacts[0].email";
                    case "contact.phone" -> phone;
                    case "organisationId" -> "service.organization_id";
                    default -> field;
                };
            }
            return new InputError(hsds, error.code(), error.message());
        }
    }

    private static <T> T term(
            List<Hsds.Attribute> attributes,
            String taxonomy,
            boolean required,
            Function<String, T> parse,
            List<InputError> errors) {
        for (Hsds.Attribute attribute : orEmpty(attributes)) {
            Hsds.TaxonomyTerm term = attribute.taxonomyTerm();
            if (term != null && taxonomy.equals(term.taxonomy())) {
                try {
                    return parse.apply(term.code());
                } catch (IllegalArgumentException | NullPointerException e) {
                    errors.add(new InputError(
                            "attributes",
                            "UNKNOWN_TERM",
                            "the " + taxonomy + " attribute has a code Nabij does not know"));
                    return null;
                }
            }
        }
        if (required) {
            errors.add(new InputError(
                    "attributes", "UNCLASSIFIED", "an attribute with a term of taxonomy " + taxonomy + " is required"));
        }
        return null;
    }

    private static String visibility(String code) {
        if (!"PUBLIC".equals(code) && !"INTERNAL".equals(code)) {
            throw new IllegalArgumentException(code);
        }
        return code;
    }

    private static VindplaatsAddress address(List<Hsds.Address> addresses, List<InputError> errors) {
        if (orEmpty(addresses).isEmpty()) {
            return null;
        }
        Hsds.Address address = addresses.get(0);
        Matcher line = STREET_LINE.matcher(
                address.address1() == null ? "" : address.address1().strip());
        if (!line.matches()) {
            errors.add(new InputError(
                    "addresses[0].address_1",
                    "MALFORMED_ADDRESS",
                    "address_1 is a street and a house number, e.g. Kadestraat 12A"));
            return null;
        }
        String addition = line.group(3) != null ? line.group(3) : address.address2();
        return new VindplaatsAddress(
                line.group(1), Integer.valueOf(line.group(2)), addition, address.postalCode(), address.city());
    }

    private static List<OpeningHours> openingHours(
            List<Hsds.Schedule> schedules, FieldNames fields, List<InputError> errors) {
        List<OpeningHours> hours = new ArrayList<>();
        List<Hsds.Schedule> all = orEmpty(schedules);
        for (int i = 0; i < all.size(); i++) {
            Hsds.Schedule schedule = all.get(i);
            String field = "schedules[" + i + "]";
            if (schedule.freq() != null && !"WEEKLY".equals(schedule.freq())) {
                errors.add(new InputError(field + ".freq", "UNSUPPORTED_SCHEDULE", "Nabij keeps weekly opening hours"));
                continue;
            }
            String opens = time(schedule.opensAt());
            String closes = time(schedule.closesAt());
            if (opens == null) {
                errors.add(new InputError(field + ".opens_at", "MALFORMED_TIME", "opens_at is a local time HH:MM"));
            }
            if (closes == null) {
                errors.add(new InputError(field + ".closes_at", "MALFORMED_TIME", "closes_at is a local time HH:MM"));
            }
            String byday = schedule.byday() == null ? "" : schedule.byday().replace(" ", "");
            for (String day : byday.split(",")) {
                if (!OpeningHours.DAY_CODES.contains(day)) {
                    errors.add(new InputError(
                            field + ".byday", "MALFORMED_BYDAY", "byday lists days as MO, TU, WE, TH, FR, SA, SU"));
                    break;
                }
                DayOfWeek weekday = OpeningHours.fromDayCode(day);
                hours.add(new OpeningHours(weekday, opens, closes));
                fields.schedules.add(field);
            }
        }
        return hours;
    }

    private static String time(String value) {
        if (value == null) {
            return null;
        }
        Matcher matcher = TIME.matcher(value.strip());
        return matcher.matches() && OpeningHours.isTime(matcher.group(1)) ? matcher.group(1) : null;
    }

    private static VindplaatsContact contact(Hsds.Location location, FieldNames fields) {
        Hsds.Contact contact = orEmpty(location.contacts()).isEmpty()
                ? null
                : location.contacts().get(0);
        String phone = null;
        if (contact != null && !orEmpty(contact.phones()).isEmpty()) {
            phone = contact.phones().get(0).number();
        } else if (!orEmpty(location.phones()).isEmpty()) {
            phone = location.phones().get(0).number();
            fields.phone = "phones[0].number";
        }
        if (contact == null && phone == null) {
            return null;
        }
        return new VindplaatsContact(
                contact == null ? null : contact.name(), contact == null ? null : contact.email(), phone);
    }

    private static VindplaatsStatus status(String status, List<InputError> errors) {
        if (status == null) {
            return VindplaatsStatus.ACTIVE;
        }
        return switch (status) {
            case "active" -> VindplaatsStatus.ACTIVE;
            case "temporarily closed" -> VindplaatsStatus.TEMPORARILY_CLOSED;
            case "defunct" -> VindplaatsStatus.RETIRED;
            case "inactive" -> VindplaatsStatus.PROPOSED;
            default -> {
                errors.add(new InputError(
                        "service.status",
                        "UNKNOWN_STATUS",
                        "status is active, inactive, defunct or temporarily closed"));
                yield null;
            }
        };
    }

    /** The Nabij organisation that runs the place: none when the record is published as its own organization. */
    private String organisation(
            String locationId, Hsds.Service service, Hsds.Location location, List<InputError> errors) {
        String organizationId = service != null && service.organizationId() != null
                ? service.organizationId()
                : location.organizationId();
        if (organizationId == null
                || organizationId.equals(Hsds.ownOrganizationId(locationId))
                || hsds.unclassified(HsdsQueries.UnclassifiedRecord.key(UNCLASSIFIED_ORGANIZATION, organizationId))
                        .isPresent()) {
            // None, or one waiting for a person to classify it: the place is kept without it until then.
            return null;
        }
        Optional<VindplaatsQueries.OrganisationRecord> organisation = store.organisationByHsdsId(organizationId);
        if (organisation.isEmpty()) {
            errors.add(new InputError(
                    "service.organization_id",
                    "UNKNOWN_ORGANIZATION",
                    "the organization that runs this location is neither in Nabij nor imported"));
            return null;
        }
        return organisation.get().id();
    }

    private void audit(NabijUser user, String origin) {
        trail.append(user, origin, List.of(new AuditEntry("CHANGE", true, "hsds-import", BASIS, List.of())));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}

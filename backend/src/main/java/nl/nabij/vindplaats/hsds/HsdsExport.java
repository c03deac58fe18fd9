package nl.nabij.vindplaats.hsds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.nabij.vindplaats.OpeningHours;
import nl.nabij.vindplaats.VindplaatsAddress;
import nl.nabij.vindplaats.VindplaatsContact;
import nl.nabij.vindplaats.VindplaatsDetails;
import nl.nabij.vindplaats.VindplaatsDraft;
import nl.nabij.vindplaats.VindplaatsQueries;
import nl.nabij.vindplaats.VindplaatsStatus;

/**
 * Nabij's social map as Open Referral HSDS 3.0. An organisation is an {@code organization}. A vindplaats is a
 * {@code location} (address, contact with phone, opening hours as weekly schedules); the services kept are offered at
 * any number of them, each with a {@code service_at_location}, and a vindplaats no service is offered at is published
 * as a {@code service} of its own (what it offers, its status). A vindplaats that no organisation runs is
 * published under an organization that stands for the place itself. Category, neighbourhood, visibility,
 * organisation kind and care line travel as attributes with Nabij's taxonomies.
 */
final class HsdsExport {

    private final String stateProvince;

    HsdsExport(String stateProvince) {
        this.stateProvince = stateProvince;
    }

    /**
     * The map as a bundle. In full, for staff: every organisation, every vindplaats whatever its status, every service,
     * and the locations and organizations kept without Nabij's taxonomies. Otherwise the public subset: the public,
     * active vindplaatsen without their contact person, the services at them that wait for no classification, and the
     * organisations that run or offer them. A vindplaats no kept service is offered at is published as a service of its
     * own, with an id derived from the place.
     */
    Hsds.Bundle bundle(
            List<VindplaatsQueries.OrganisationRecord> organisations,
            List<VindplaatsDetails> vindplaatsen,
            List<HsdsQueries.StoredService> kept,
            List<HsdsQueries.UnclassifiedRecord> unclassified,
            boolean full) {
        Map<String, VindplaatsDetails> shown = new LinkedHashMap<>();
        vindplaatsen.stream()
                .filter(vindplaats -> full || vindplaats.onPublicMap())
                .forEach(vindplaats -> shown.put(vindplaats.id(), vindplaats));
        List<HsdsQueries.StoredService> services = kept.stream()
                .filter(service -> full
                        || (!service.needsClassification()
                                && service.vindplaatsIds().stream().anyMatch(shown::containsKey)))
                .toList();
        Set<String> offered = new HashSet<>();
        Set<String> offering = new HashSet<>();
        for (HsdsQueries.StoredService service : services) {
            offered.addAll(service.vindplaatsIds());
            if (service.organisationId() != null) {
                offering.add(service.organisationId());
            }
        }
        Map<String, String> organisationHsdsIds = new HashMap<>();
        Map<String, Hsds.Organization> organizations = new LinkedHashMap<>();
        for (VindplaatsQueries.OrganisationRecord organisation : organisations) {
            organisationHsdsIds.put(organisation.id(), organisation.hsdsId());
            boolean runsAShownPlace = shown.values().stream()
                    .anyMatch(vindplaats ->
                            organisation.id().equals(vindplaats.draft().organisationId()));
            if (full || runsAShownPlace || offering.contains(organisation.id())) {
                organizations.put(organisation.hsdsId(), organization(organisation));
            }
        }
        List<Hsds.Service> published = new ArrayList<>();
        List<Hsds.Location> locations = new ArrayList<>();
        List<Hsds.ServiceAtLocation> links = new ArrayList<>();
        Map<String, String> organizationOfPlace = new HashMap<>();
        for (VindplaatsDetails vindplaats : shown.values()) {
            String locationId = vindplaats.locationId();
            String organizationId = vindplaats.organisationHsdsId();
            if (organizationId == null) {
                organizationId = Hsds.ownOrganizationId(locationId);
                organizations.put(organizationId, ownOrganization(organizationId, vindplaats));
            }
            organizationOfPlace.put(vindplaats.id(), organizationId);
            locations.add(location(vindplaats, organizationId, full));
            if (!offered.contains(vindplaats.id())) {
                String serviceId = serviceId(vindplaats);
                published.add(new Hsds.Service(
                        serviceId,
                        organizationId,
                        vindplaats.draft().name(),
                        vindplaats.draft().description(),
                        serviceStatus(vindplaats.draft().status())));
                links.add(new Hsds.ServiceAtLocation(
                        Hsds.derivedId("service_at_location", locationId), serviceId, locationId));
            }
        }
        if (full) {
            for (HsdsQueries.UnclassifiedRecord record : unclassified) {
                if (HsdsImport.UNCLASSIFIED_LOCATION.equals(record.table())) {
                    locations.add(Hsds.JSON.readValue(record.json(), Hsds.Location.class));
                } else {
                    organizations.putIfAbsent(
                            record.hsdsId(), Hsds.JSON.readValue(record.json(), Hsds.Organization.class));
                }
            }
        }
        for (HsdsQueries.StoredService service : services) {
            List<String> at =
                    service.vindplaatsIds().stream().filter(shown::containsKey).toList();
            String organizationId = service.organisationId() != null
                    ? organisationHsdsIds.get(service.organisationId())
                    : service.unclassifiedOrganization() != null
                            ? HsdsService.hsdsIdOf(service.unclassifiedOrganization())
                            : at.isEmpty() ? null : organizationOfPlace.get(at.getFirst());
            published.add(new Hsds.Service(
                    service.hsdsId(), organizationId, service.name(), service.description(), service.status()));
            for (String vindplaatsId : at) {
                String locationId = shown.get(vindplaatsId).locationId();
                links.add(new Hsds.ServiceAtLocation(
                        Hsds.derivedId("service_at_location", service.hsdsId() + ":" + locationId),
                        service.hsdsId(),
                        locationId));
            }
            if (full) {
                for (String key : service.unclassifiedLocations()) {
                    String locationId = HsdsService.hsdsIdOf(key);
                    links.add(new Hsds.ServiceAtLocation(
                            Hsds.derivedId("service_at_location", service.hsdsId() + ":" + locationId),
                            service.hsdsId(),
                            locationId));
                }
            }
        }
        return new Hsds.Bundle(Hsds.VERSION, List.copyOf(organizations.values()), published, locations, links);
    }

    /** The id of the service Nabij publishes for a vindplaats no kept service is offered at: derived from the place. */
    static String serviceId(VindplaatsDetails vindplaats) {
        return Hsds.derivedId("service", vindplaats.locationId());
    }

    private static Hsds.Organization organization(VindplaatsQueries.OrganisationRecord organisation) {
        String id = organisation.hsdsId();
        return new Hsds.Organization(
                id,
                organisation.name(),
                organisation.name() + ": " + words(organisation.kind().name()) + ", care line "
                        + words(organisation.careLine().name()) + ".",
                null,
                null,
                List.of(
                        attribute(
                                id,
                                "organization",
                                Hsds.ORGANISATION_KIND_TAXONOMY,
                                organisation.kind().name(),
                                words(organisation.kind().name())),
                        attribute(
                                id,
                                "organization",
                                Hsds.CARE_LINE_TAXONOMY,
                                organisation.careLine().name(),
                                words(organisation.careLine().name()))));
    }

    private static Hsds.Organization ownOrganization(String id, VindplaatsDetails vindplaats) {
        return new Hsds.Organization(
                id,
                vindplaats.draft().name(),
                "No organisation runs this " + words(vindplaats.draft().kind().name()) + " vindplaats; it is listed"
                        + " as its own organization.",
                null,
                null,
                null);
    }

    private Hsds.Location location(VindplaatsDetails vindplaats, String organizationId, boolean full) {
        String id = vindplaats.locationId();
        VindplaatsDraft draft = vindplaats.draft();
        List<Hsds.Address> addresses = null;
        if (draft.address() != null) {
            VindplaatsAddress address = draft.address();
            boolean letters = address.houseNumberAddition() != null
                    && address.houseNumberAddition().matches("[A-Za-z]{1,2}");
            addresses = List.of(new Hsds.Address(
                    Hsds.derivedId("address", id),
                    id,
                    address.street() + " " + address.houseNumber() + (letters ? address.houseNumberAddition() : ""),
                    letters ? null : address.houseNumberAddition(),
                    address.city(),
                    stateProvince,
                    address.postcode().substring(0, 4) + " "
                            + address.postcode().substring(4),
                    "NL",
                    "physical"));
        }
        List<Hsds.Contact> contacts = null;
        VindplaatsContact contact = draft.contact();
        if (contact != null && (full || contact.email() != null || contact.phone() != null)) {
            String contactId = Hsds.derivedId("contact", id);
            contacts = List.of(new Hsds.Contact(
                    contactId,
                    id,
                    full ? contact.name() : null,
                    contact.email(),
                    contact.phone() == null
                            ? null
                            : List.of(new Hsds.Phone(
                                    Hsds.derivedId("phone", id), null, contactId, contact.phone(), "voice"))));
        }
        List<Hsds.Schedule> schedules = new ArrayList<>();
        for (OpeningHours hours : draft.openingHours()) {
            schedules.add(new Hsds.Schedule(
                    Hsds.derivedId("schedule", id + ":" + schedules.size()),
                    id,
                    "WEEKLY",
                    "MO",
                    OpeningHours.dayCode(hours.weekday()),
                    hours.opens(),
                    hours.closes()));
        }
        List<Hsds.Attribute> attributes = List.of(
                attribute(
                        id,
                        "location",
                        Hsds.CATEGORY_TAXONOMY,
                        draft.category().name(),
                        words(draft.category().name())),
                attribute(
                        id,
                        "location",
                        Hsds.NEIGHBOURHOOD_TAXONOMY,
                        draft.neighbourhoodCode(),
                        vindplaats.neighbourhoodName()),
                attribute(
                        id,
                        "location",
                        Hsds.VISIBILITY_TAXONOMY,
                        draft.isPublic() ? "PUBLIC" : "INTERNAL",
                        draft.isPublic() ? "Public" : "Internal"));
        return new Hsds.Location(
                id,
                "physical",
                organizationId,
                draft.name(),
                draft.description(),
                addresses,
                contacts,
                null,
                schedules.isEmpty() ? null : schedules,
                attributes);
    }

    static Hsds.Attribute attribute(String linkId, String linkEntity, String taxonomy, String code, String name) {
        String termId = Hsds.derivedId("taxonomy_term", taxonomy + ":" + code);
        return new Hsds.Attribute(
                Hsds.derivedId("attribute", linkId + ":" + taxonomy),
                linkId,
                linkEntity,
                termId,
                new Hsds.TaxonomyTerm(termId, code, name, taxonomy + " " + code, taxonomy));
    }

    /** The statuses as HSDS names them: active, temporarily closed, defunct (retired) and inactive (proposed). */
    static String serviceStatus(VindplaatsStatus status) {
        return switch (status) {
            case ACTIVE -> "active";
            case TEMPORARILY_CLOSED -> "temporarily closed";
            case RETIRED -> "defunct";
            case PROPOSED -> "inactive";
        };
    }

    private static String words(String constant) {
        String lower = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}

package nl.nabij.vindplaats.hsds;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Open Referral HSDS 3.0 objects Nabij exchanges, each with the fields Nabij fills, named as the specification
 * names them (snake_case on the wire; see the schemas under {@code schema/} of openreferral/specification, 3.0).
 * Everything else HSDS defines is ignored on import and absent on export.
 */
final class Hsds {

    static final String VERSION = "3.0";

    /** Reads and writes HSDS JSON: snake_case names, absent rather than null, unknown fields ignored. */
    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    // The taxonomies of the attributes that carry what HSDS has no field for (Nabij's profile of HSDS).
    static final String CATEGORY_TAXONOMY = "nabij-vindplaats-category";
    static final String NEIGHBOURHOOD_TAXONOMY = "cbs-buurtcode";
    static final String VISIBILITY_TAXONOMY = "nabij-visibility";
    static final String ORGANISATION_KIND_TAXONOMY = "nabij-organisation-kind";
    static final String CARE_LINE_TAXONOMY = "nabij-care-line";

    private Hsds() {}

    /**
     * The id of a record Nabij derives rather than keeps (a service, an address, a schedule…): a name-based UUID of what
     * it belongs to, so every export gives it the same id.
     */
    static String derivedId(String table, String key) {
        return UUID.nameUUIDFromBytes(("nabij:hsds:" + table + ":" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** The organization a vindplaats that no organisation runs is published under: the place itself. */
    static String ownOrganizationId(String locationId) {
        return derivedId("organization-of", locationId);
    }

    record Organization(
            String id, String name, String description, String email, String website, List<Attribute> attributes) {}

    record Service(String id, String organizationId, String name, String description, String status) {}

    record ServiceAtLocation(String id, String serviceId, String locationId) {}

    /** A service as {@code /services/{id}} answers it: with its organization and its locations nested. */
    record FullService(
            String id,
            String organizationId,
            String name,
            String description,
            String status,
            Organization organization,
            List<FullServiceAtLocation> serviceAtLocations) {}

    /** A service_at_location with its location nested, inside a {@link FullService}. */
    record FullServiceAtLocation(String id, String serviceId, String locationId, Location location) {}

    /** What {@code GET /} of the HSDS API answers: the HSDS version, the profile and the API description. */
    record About(String version, String profile, String openapiUrl) {}

    record Location(
            String id,
            String locationType,
            String organizationId,
            String name,
            String description,
            List<Address> addresses,
            List<Contact> contacts,
            List<Phone> phones,
            List<Schedule> schedules,
            List<Attribute> attributes) {}

    record Address(
            String id,
            String locationId,
            @JsonProperty("address_1") String address1,
            @JsonProperty("address_2") String address2,
            String city,
            String stateProvince,
            String postalCode,
            String country,
            String addressType) {}

    record Contact(String id, String locationId, String name, String email, List<Phone> phones) {}

    record Phone(String id, String locationId, String contactId, String number, String type) {}

    record Schedule(
            String id, String locationId, String freq, String wkst, String byday, String opensAt, String closesAt) {}

    record Attribute(String id, String linkId, String linkEntity, String taxonomyTermId, TaxonomyTerm taxonomyTerm) {}

    record TaxonomyTerm(String id, String code, String name, String description, String taxonomy) {}

    /**
     * A whole social map in one document: HSDS 3.0 has no package format for JSON, so Nabij exchanges the four main
     * objects side by side, each as its schema defines it, with a location's addresses, contacts, phones, schedules and
     * attributes nested in it.
     */
    record Bundle(
            String version,
            List<Organization> organizations,
            List<Service> services,
            List<Location> locations,
            List<ServiceAtLocation> serviceAtLocations) {}

    /** A page of a list endpoint, as the HSDS 3.0 API reference defines it. */
    record Page<T>(
            int totalItems,
            int totalPages,
            int pageNumber,
            int size,
            boolean firstPage,
            boolean lastPage,
            boolean empty,
            List<T> contents) {

        static <T> Page<T> of(List<T> all, int pageNumber, int perPage) {
            int totalPages = Math.max(1, (all.size() + perPage - 1) / perPage);
            int from = Math.min(all.size(), (pageNumber - 1) * perPage);
            List<T> contents = all.subList(from, Math.min(all.size(), from + perPage));
            return new Page<>(
                    all.size(),
                    totalPages,
                    pageNumber,
                    contents.size(),
                    pageNumber == 1,
                    pageNumber >= totalPages,
                    contents.isEmpty(),
                    contents);
        }
    }
}

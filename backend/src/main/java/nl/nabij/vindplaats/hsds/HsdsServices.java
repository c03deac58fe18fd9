package nl.nabij.vindplaats.hsds;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The services of a published map as the HSDS API's {@code /services} filters them and {@code /services/{id}} nests
 * them. The filters add up (HSDS requires query parameters to be cumulative); a service's taxonomy terms are those of
 * the attributes of its locations, where Nabij's profile puts them.
 */
final class HsdsServices {

    private HsdsServices() {}

    /**
     * The filters of {@code /services}; each null means no filter.
     *
     * @param modifiedAfter only services whose vindplaats changed after this instant; those with no known time are left
     *     out, since nothing says they changed
     */
    record Filter(
            String search, String organizationId, String taxonomyTermId, String taxonomyId, Instant modifiedAfter) {}

    static List<Hsds.Service> filter(Hsds.Bundle bundle, Map<String, Instant> modifiedAt, Filter filter) {
        Map<String, Hsds.Location> locations = byId(bundle.locations(), Hsds.Location::id);
        Map<String, List<Hsds.Location>> locationsOfService = bundle.serviceAtLocations().stream()
                .filter(link -> locations.containsKey(link.locationId()))
                .collect(Collectors.groupingBy(
                        Hsds.ServiceAtLocation::serviceId,
                        Collectors.mapping(link -> locations.get(link.locationId()), Collectors.toList())));
        String search = filter.search() == null || filter.search().isBlank()
                ? null
                : filter.search().strip().toLowerCase(Locale.ROOT);
        return bundle.services().stream()
                .filter(service ->
                        search == null || contains(service.name(), search) || contains(service.description(), search))
                .filter(service -> filter.organizationId() == null
                        || filter.organizationId().equals(service.organizationId()))
                .filter(service -> filter.taxonomyTermId() == null
                        || terms(locationsOfService.get(service.id()))
                                .anyMatch(term -> filter.taxonomyTermId().equals(term.id())))
                .filter(service -> filter.taxonomyId() == null
                        || terms(locationsOfService.get(service.id()))
                                .anyMatch(term -> filter.taxonomyId().equals(term.taxonomy())))
                .filter(service -> filter.modifiedAfter() == null
                        || (modifiedAt.get(service.id()) != null
                                && modifiedAt.get(service.id()).isAfter(filter.modifiedAfter())))
                .toList();
    }

    static Optional<Hsds.FullService> full(Hsds.Bundle bundle, String id) {
        Optional<Hsds.Service> found = bundle.services().stream()
                .filter(service -> service.id().equals(id))
                .findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Hsds.Service service = found.get();
        Map<String, Hsds.Location> locations = byId(bundle.locations(), Hsds.Location::id);
        Hsds.Organization organization = bundle.organizations().stream()
                .filter(candidate -> candidate.id().equals(service.organizationId()))
                .findFirst()
                .orElse(null);
        List<Hsds.FullServiceAtLocation> links = bundle.serviceAtLocations().stream()
                .filter(link -> link.serviceId().equals(id) && locations.containsKey(link.locationId()))
                .map(link -> new Hsds.FullServiceAtLocation(
                        link.id(), link.serviceId(), link.locationId(), locations.get(link.locationId())))
                .toList();
        return Optional.of(new Hsds.FullService(
                service.id(),
                service.organizationId(),
                service.name(),
                service.description(),
                service.status(),
                organization,
                links));
    }

    private static boolean contains(String text, String search) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(search);
    }

    private static Stream<Hsds.TaxonomyTerm> terms(List<Hsds.Location> locations) {
        return locations == null
                ? Stream.empty()
                : locations.stream()
                        .flatMap(location ->
                                location.attributes() == null ? Stream.empty() : location.attributes().stream())
                        .map(Hsds.Attribute::taxonomyTerm)
                        .filter(Objects::nonNull);
    }

    private static <T> Map<String, T> byId(List<T> records, Function<T, String> id) {
        return records.stream().collect(Collectors.toMap(id, record -> record, (first, second) -> first));
    }
}

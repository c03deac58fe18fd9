package nl.nabij.vindplaats.hsds;

import java.util.List;

/**
 * The GraphQL {@code HsdsService}: a service an HSDS import kept that waits for a person to classify what it needs.
 *
 * @param locationsToClassify the HSDS ids of the locations it is offered at that wait for classification
 * @param withoutLocation whether it is offered at no location at all
 * @param organizationToClassify the HSDS id of its organization when that waits for classification
 */
public record HsdsService(
        String hsdsId,
        String name,
        String description,
        String status,
        List<String> locationsToClassify,
        boolean withoutLocation,
        String organizationToClassify) {

    static HsdsService of(HsdsQueries.StoredService service) {
        return new HsdsService(
                service.hsdsId(),
                service.name(),
                service.description(),
                service.status(),
                service.unclassifiedLocations().stream()
                        .map(HsdsService::hsdsIdOf)
                        .toList(),
                service.vindplaatsIds().isEmpty()
                        && service.unclassifiedLocations().isEmpty(),
                service.unclassifiedOrganization() == null ? null : hsdsIdOf(service.unclassifiedOrganization()));
    }

    /** The HSDS id in the key of an unclassified record ({@code table:id}). */
    static String hsdsIdOf(String key) {
        return key.substring(key.indexOf(':') + 1);
    }
}

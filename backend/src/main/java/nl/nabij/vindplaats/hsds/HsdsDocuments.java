package nl.nabij.vindplaats.hsds;

import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The documents the HSDS 3.0 API answers, read as Nabij's bundle: a single service ({@code /services/{id}}, its
 * organization and its locations nested), a single organization ({@code /organizations/{id}}, its services and
 * locations nested), a single location, or a list page ({@code contents}) of any of them. Each nested record is spread
 * into the bundle's lists with the links nesting gave it; a record met twice (the one organization of a list of
 * services) is taken once. A document that is already a bundle, or none of these, is left as it is, for the shape
 * check to judge.
 */
final class HsdsDocuments {

    private HsdsDocuments() {}

    static JsonNode asBundle(JsonNode document) {
        if (!document.isObject() || !(document.has("id") || document.has("contents"))) {
            return document;
        }
        Spread spread = new Spread();
        JsonNode contents = document.get("contents");
        if (contents != null && contents.isArray()) {
            contents.forEach(item -> spread.record(item, null));
        } else {
            spread.record(document, null);
        }
        return spread.bundle;
    }

    private static final class Spread {

        private final ObjectNode bundle = Hsds.JSON.createObjectNode().put("version", Hsds.VERSION);
        private final ArrayNode organizations = bundle.putArray("organizations");
        private final ArrayNode services = bundle.putArray("services");
        private final ArrayNode locations = bundle.putArray("locations");
        private final ArrayNode links = bundle.putArray("service_at_locations");
        private final Set<String> seen = new HashSet<>();

        /** Adds one record of whichever kind it is; {@code organizationId} is the organization it was nested in. */
        void record(JsonNode record, String organizationId) {
            if (!record.isObject()) {
                return;
            }
            if (record.has("location_type")) {
                location(record);
            } else if (record.has("status")) {
                service(record, organizationId);
            } else {
                organization(record);
            }
        }

        private void organization(JsonNode record) {
            String id = record.path("id").asString(null);
            ObjectNode organization = ((ObjectNode) record).deepCopy();
            organization.remove("services");
            organization.remove("locations");
            if (once("organization", id)) {
                organizations.add(organization);
            }
            record.path("services").forEach(service -> record(service, id));
            record.path("locations").forEach(this::location);
        }

        private void service(JsonNode record, String organizationId) {
            String id = record.path("id").asString(null);
            ObjectNode service = ((ObjectNode) record).deepCopy();
            service.remove("organization");
            service.remove("service_at_locations");
            JsonNode organization = record.get("organization");
            if (!service.hasNonNull("organization_id")) {
                String nested = organization != null ? organization.path("id").asString(null) : null;
                service.put("organization_id", nested != null ? nested : organizationId);
            }
            if (once("service", id)) {
                services.add(service);
            }
            // The service's own locations first: where its organization lists one of them too, the service's wins.
            for (JsonNode link : record.path("service_at_locations")) {
                JsonNode location = link.get("location");
                String locationId = link.hasNonNull("location_id")
                        ? link.path("location_id").asString(null)
                        : location == null ? null : location.path("id").asString(null);
                if (once("service_at_location", link.path("id").asString(null))) {
                    links.addObject()
                            .put("id", link.path("id").asString(null))
                            .put("service_id", id)
                            .put("location_id", locationId);
                }
                if (location != null && location.isObject()) {
                    location(location);
                }
            }
            if (organization != null && organization.isObject()) {
                organization(organization);
            }
        }

        private void location(JsonNode record) {
            if (once("location", record.path("id").asString(null))) {
                locations.add(record.deepCopy());
            }
        }

        private boolean once(String kind, String id) {
            return id == null || seen.add(kind + ":" + id);
        }
    }
}

package nl.nabij.vindplaats.hsds;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HSDS 3.0 tabular data package: a zip with {@code datapackage.json} and one CSV per object, named and with
 * columns as the specification's schemas name them ({@code organizations.csv}, {@code service_at_location.csv}, …).
 * Objects refer to each other by id columns instead of nesting.
 */
final class TabularPackage {

    private record Table(String resource, String path, List<String> columns, Set<String> required) {}

    private static final Table ORGANIZATIONS = new Table(
            "organization",
            "organizations.csv",
            List.of("id", "name", "description", "email", "website"),
            Set.of("id", "name", "description"));
    private static final Table SERVICES = new Table(
            "service",
            "services.csv",
            List.of("id", "organization_id", "name", "description", "status"),
            Set.of("id", "organization_id", "name", "status"));
    private static final Table LOCATIONS = new Table(
            "location",
            "locations.csv",
            List.of("id", "location_type", "organization_id", "name", "description"),
            Set.of("id", "location_type"));
    private static final Table SERVICE_AT_LOCATION = new Table(
            "service_at_location",
            "service_at_location.csv",
            List.of("id", "service_id", "location_id"),
            Set.of("id", "service_id", "location_id"));
    private static final Table ADDRESSES = new Table(
            "address",
            "addresses.csv",
            List.of(
                    "id",
                    "location_id",
                    "address_1",
                    "address_2",
                    "city",
                    "state_province",
                    "postal_code",
                    "country",
                    "address_type"),
            Set.of("id", "address_1", "city", "state_province", "postal_code", "country", "address_type"));
    private static final Table CONTACTS =
            new Table("contact", "contacts.csv", List.of("id", "location_id", "name", "email"), Set.of("id"));
    private static final Table PHONES = new Table(
            "phone",
            "phones.csv",
            List.of("id", "location_id", "contact_id", "number", "type"),
            Set.of("id", "number"));
    private static final Table SCHEDULES = new Table(
            "schedule",
            "schedules.csv",
            List.of("id", "location_id", "freq", "wkst", "byday", "opens_at", "closes_at"),
            Set.of("id"));
    private static final Table ATTRIBUTES = new Table(
            "attribute",
            "attributes.csv",
            List.of("id", "link_id", "link_entity", "taxonomy_term_id"),
            Set.of("id", "link_id", "link_entity", "taxonomy_term_id"));
    private static final Table TAXONOMY_TERMS = new Table(
            "taxonomy_term",
            "taxonomy_terms.csv",
            List.of("id", "code", "name", "description", "taxonomy"),
            Set.of("id", "name", "description"));

    private static final List<Table> TABLES = List.of(
            ORGANIZATIONS,
            SERVICES,
            LOCATIONS,
            SERVICE_AT_LOCATION,
            ADDRESSES,
            CONTACTS,
            PHONES,
            SCHEDULES,
            ATTRIBUTES,
            TAXONOMY_TERMS);

    // Which table each id column points at, for the descriptor's foreign keys.
    private static final Map<String, String> REFERENCES = Map.of(
            "organization_id", "organization",
            "service_id", "service",
            "location_id", "location",
            "contact_id", "contact",
            "taxonomy_term_id", "taxonomy_term");

    private TabularPackage() {}

    /** The bundle as a zipped data package. */
    static byte[] write(Hsds.Bundle bundle) {
        Map<Table, List<Map<String, String>>> rows = new LinkedHashMap<>();
        TABLES.forEach(table -> rows.put(table, new ArrayList<>()));
        Map<String, Hsds.TaxonomyTerm> terms = new LinkedHashMap<>();
        for (Hsds.Organization organization : bundle.organizations()) {
            rows.get(ORGANIZATIONS)
                    .add(row(
                            "id", organization.id(),
                            "name", organization.name(),
                            "description", organization.description(),
                            "email", organization.email(),
                            "website", organization.website()));
            attributes(organization.attributes(), rows, terms);
        }
        for (Hsds.Service service : bundle.services()) {
            rows.get(SERVICES)
                    .add(row(
                            "id", service.id(),
                            "organization_id", service.organizationId(),
                            "name", service.name(),
                            "description", service.description(),
                            "status", service.status()));
        }
        for (Hsds.Location location : bundle.locations()) {
            location(location, rows, terms);
        }
        for (Hsds.ServiceAtLocation link : bundle.serviceAtLocations()) {
            rows.get(SERVICE_AT_LOCATION)
                    .add(row("id", link.id(), "service_id", link.serviceId(), "location_id", link.locationId()));
        }
        for (Hsds.TaxonomyTerm term : terms.values()) {
            rows.get(TAXONOMY_TERMS)
                    .add(row(
                            "id", term.id(),
                            "code", term.code(),
                            "name", term.name(),
                            "description", term.description(),
                            "taxonomy", term.taxonomy()));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            entry(
                    zip,
                    "datapackage.json",
                    Hsds.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(descriptor()));
            for (Map.Entry<Table, List<Map<String, String>>> table : rows.entrySet()) {
                entry(
                        zip,
                        table.getKey().path(),
                        Csv.write(table.getKey().columns(), table.getValue()).getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void location(
            Hsds.Location location, Map<Table, List<Map<String, String>>> rows, Map<String, Hsds.TaxonomyTerm> terms) {
        rows.get(LOCATIONS)
                .add(row(
                        "id", location.id(),
                        "location_type", location.locationType(),
                        "organization_id", location.organizationId(),
                        "name", location.name(),
                        "description", location.description()));
        for (Hsds.Address address : orEmpty(location.addresses())) {
            Map<String, String> row = row(
                    "id", address.id(),
                    "location_id", location.id(),
                    "address_1", address.address1(),
                    "address_2", address.address2(),
                    "city", address.city());
            row.put("state_province", address.stateProvince());
            row.put("postal_code", address.postalCode());
            row.put("country", address.country());
            row.put("address_type", address.addressType());
            rows.get(ADDRESSES).add(row);
        }
        for (Hsds.Contact contact : orEmpty(location.contacts())) {
            rows.get(CONTACTS)
                    .add(row(
                            "id",
                            contact.id(),
                            "location_id",
                            location.id(),
                            "name",
                            contact.name(),
                            "email",
                            contact.email()));
            for (Hsds.Phone phone : orEmpty(contact.phones())) {
                rows.get(PHONES)
                        .add(row(
                                "id",
                                phone.id(),
                                "contact_id",
                                contact.id(),
                                "number",
                                phone.number(),
                                "type",
                                phone.type()));
            }
        }
        for (Hsds.Phone phone : orEmpty(location.phones())) {
            rows.get(PHONES)
                    .add(row(
                            "id",
                            phone.id(),
                            "location_id",
                            location.id(),
                            "number",
                            phone.number(),
                            "type",
                            phone.type()));
        }
        for (Hsds.Schedule schedule : orEmpty(location.schedules())) {
            Map<String, String> row = row(
                    "id", schedule.id(),
                    "location_id", location.id(),
                    "freq", schedule.freq(),
                    "wkst", schedule.wkst(),
                    "byday", schedule.byday());
            row.put("opens_at", schedule.opensAt());
            row.put("closes_at", schedule.closesAt());
            rows.get(SCHEDULES).add(row);
        }
        attributes(location.attributes(), rows, terms);
    }

    private static void attributes(
            List<Hsds.Attribute> attributes,
            Map<Table, List<Map<String, String>>> rows,
            Map<String, Hsds.TaxonomyTerm> terms) {
        for (Hsds.Attribute attribute : orEmpty(attributes)) {
            rows.get(ATTRIBUTES)
                    .add(row(
                            "id", attribute.id(),
                            "link_id", attribute.linkId(),
                            "link_entity", attribute.linkEntity(),
                            "taxonomy_term_id", attribute.taxonomyTermId()));
            if (attribute.taxonomyTerm() != null) {
                terms.putIfAbsent(attribute.taxonomyTerm().id(), attribute.taxonomyTerm());
            }
        }
    }

    /** The package descriptor: every resource with its fields, primary key and foreign keys. */
    static JsonNode descriptor() {
        ObjectNode descriptor = Hsds.JSON.createObjectNode();
        descriptor.put("name", "nabij-social-map");
        descriptor.put("title", "Nabij social map (sociale kaart) in Open Referral HSDS " + Hsds.VERSION);
        descriptor.put("profile", "tabular-data-package");
        ArrayNode resources = descriptor.putArray("resources");
        for (Table table : TABLES) {
            ObjectNode resource = resources.addObject();
            resource.put("name", table.resource());
            resource.put("path", table.path());
            resource.put("profile", "tabular-data-resource");
            resource.put("format", "csv");
            resource.put("mediatype", "text/csv");
            resource.put("encoding", "utf-8");
            ObjectNode schema = resource.putObject("schema");
            ArrayNode fields = schema.putArray("fields");
            ArrayNode foreignKeys = Hsds.JSON.createArrayNode();
            for (String column : table.columns()) {
                ObjectNode field = fields.addObject();
                field.put("name", column);
                field.put("type", "string");
                if (column.equals("id") || column.endsWith("_id") && !column.equals("link_id")) {
                    field.put("format", "uuid");
                }
                if (table.required().contains(column)) {
                    field.putObject("constraints").put("required", true);
                }
                String referenced = REFERENCES.get(column);
                if (referenced != null) {
                    ObjectNode foreignKey = foreignKeys.addObject();
                    foreignKey.put("fields", column);
                    foreignKey
                            .putObject("reference")
                            .put("resource", referenced)
                            .put("fields", "id");
                }
            }
            schema.put("primaryKey", "id");
            if (!foreignKeys.isEmpty()) {
                schema.set("foreignKeys", foreignKeys);
            }
        }
        return descriptor;
    }

    /**
     * Reads a zipped data package into a bundle. The tables are found through {@code datapackage.json} (anywhere in the
     * zip); a table the package lacks is empty. At most {@code maxBytes} are unpacked, so a zip bomb stops early.
     */
    static Hsds.Bundle read(byte[] zip, long maxBytes) {
        Map<String, byte[]> files = unzip(zip, maxBytes);
        String descriptorPath = files.keySet().stream()
                .filter(name -> name.equals("datapackage.json") || name.endsWith("/datapackage.json"))
                .min((a, b) -> Integer.compare(a.length(), b.length()))
                .orElseThrow(() -> new IllegalArgumentException("the zip holds no datapackage.json"));
        String base = descriptorPath.substring(0, descriptorPath.length() - "datapackage.json".length());
        Map<String, String> paths = new HashMap<>();
        JsonNode descriptor = Hsds.JSON.readTree(files.get(descriptorPath));
        if (!descriptor.isObject() || !descriptor.path("resources").isArray()) {
            throw new IllegalArgumentException("datapackage.json is an object with a list of resources");
        }
        for (JsonNode resource : descriptor.path("resources")) {
            if (!resource.isObject()
                    || !resource.path("name").isString()
                    || !resource.path("path").isString()) {
                throw new IllegalArgumentException(
                        "each resource of datapackage.json is an object with a name and a path");
            }
            paths.put(resource.path("name").stringValue(), resource.path("path").stringValue());
        }
        Function<Table, List<Map<String, String>>> table = definition -> {
            byte[] csv = files.get(base + paths.getOrDefault(definition.resource(), definition.path()));
            try {
                return csv == null ? List.of() : Csv.read(new String(csv, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(definition.path() + ": " + e.getMessage(), e);
            }
        };
        Map<String, Hsds.TaxonomyTerm> terms = new HashMap<>();
        for (Map<String, String> row : table.apply(TAXONOMY_TERMS)) {
            terms.put(
                    row.get("id"),
                    new Hsds.TaxonomyTerm(
                            row.get("id"),
                            row.get("code"),
                            row.get("name"),
                            row.get("description"),
                            row.get("taxonomy")));
        }
        Map<String, List<Hsds.Attribute>> attributes = group(
                table.apply(ATTRIBUTES),
                "link_id",
                row -> new Hsds.Attribute(
                        row.get("id"),
                        row.get("link_id"),
                        row.get("link_entity"),
                        row.get("taxonomy_term_id"),
                        terms.get(row.get("taxonomy_term_id"))));
        List<Map<String, String>> phoneRows = table.apply(PHONES);
        Map<String, List<Hsds.Phone>> contactPhones = group(
                phoneRows.stream().filter(row -> row.get("contact_id") != null).toList(),
                "contact_id",
                TabularPackage::phone);
        Map<String, List<Hsds.Phone>> locationPhones = group(
                phoneRows.stream().filter(row -> row.get("contact_id") == null).toList(),
                "location_id",
                TabularPackage::phone);
        Map<String, List<Hsds.Contact>> contacts = group(
                table.apply(CONTACTS),
                "location_id",
                row -> new Hsds.Contact(
                        row.get("id"),
                        row.get("location_id"),
                        row.get("name"),
                        row.get("email"),
                        contactPhones.get(row.get("id"))));
        Map<String, List<Hsds.Address>> addresses = group(
                table.apply(ADDRESSES),
                "location_id",
                row -> new Hsds.Address(
                        row.get("id"),
                        row.get("location_id"),
                        row.get("address_1"),
                        row.get("address_2"),
                        row.get("city"),
                        row.get("state_province"),
                        row.get("postal_code"),
                        row.get("country"),
                        row.get("address_type")));
        Map<String, List<Hsds.Schedule>> schedules = group(
                table.apply(SCHEDULES),
                "location_id",
                row -> new Hsds.Schedule(
                        row.get("id"),
                        row.get("location_id"),
                        row.get("freq"),
                        row.get("wkst"),
                        row.get("byday"),
                        row.get("opens_at"),
                        row.get("closes_at")));
        List<Hsds.Organization> organizations = table.apply(ORGANIZATIONS).stream()
                .map(row -> new Hsds.Organization(
                        row.get("id"),
                        row.get("name"),
                        row.get("description"),
                        row.get("email"),
                        row.get("website"),
                        attributes.get(row.get("id"))))
                .toList();
        List<Hsds.Service> services = table.apply(SERVICES).stream()
                .map(row -> new Hsds.Service(
                        row.get("id"),
                        row.get("organization_id"),
                        row.get("name"),
                        row.get("description"),
                        row.get("status")))
                .toList();
        List<Hsds.Location> locations = table.apply(LOCATIONS).stream()
                .map(row -> new Hsds.Location(
                        row.get("id"),
                        row.get("location_type"),
                        row.get("organization_id"),
                        row.get("name"),
                        row.get("description"),
                        addresses.get(row.get("id")),
                        contacts.get(row.get("id")),
                        locationPhones.get(row.get("id")),
                        schedules.get(row.get("id")),
                        attributes.get(row.get("id"))))
                .toList();
        List<Hsds.ServiceAtLocation> links = table.apply(SERVICE_AT_LOCATION).stream()
                .map(row -> new Hsds.ServiceAtLocation(row.get("id"), row.get("service_id"), row.get("location_id")))
                .toList();
        return new Hsds.Bundle(Hsds.VERSION, organizations, services, locations, links);
    }

    private static Hsds.Phone phone(Map<String, String> row) {
        return new Hsds.Phone(
                row.get("id"), row.get("location_id"), row.get("contact_id"), row.get("number"), row.get("type"));
    }

    private static <T> Map<String, List<T>> group(
            List<Map<String, String>> rows, String key, Function<Map<String, String>, T> mapper) {
        return rows.stream()
                .filter(row -> row.get(key) != null)
                .collect(Collectors.groupingBy(
                        row -> row.get(key), LinkedHashMap::new, Collectors.mapping(mapper, Collectors.toList())));
    }

    private static Map<String, byte[]> unzip(byte[] zip, long maxBytes) {
        Map<String, byte[]> files = new HashMap<>();
        long unpacked = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] content = readAtMost(in, maxBytes - unpacked);
                unpacked += content.length;
                files.put(entry.getName(), content);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("the upload is not a readable zip", e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("the upload is not a zip or holds no files");
        }
        return files;
    }

    private static byte[] readAtMost(InputStream in, long remaining) throws IOException {
        byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, remaining + 1));
        if (content.length > remaining) {
            throw new IllegalArgumentException("the package unpacks to more than the import allows");
        }
        return content;
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static Map<String, String> row(String... keysAndValues) {
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}

package nl.nabij.vindplaats.hsds;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;

/**
 * The shape of an HSDS bundle's JSON, checked before any of it is imported: the document is an object, its four lists
 * are arrays of objects, and every field Nabij reads has the JSON type its HSDS 3.0 schema gives it (a string, an
 * object, a list of objects). A field of another type is refused, not coerced or skipped, because a publisher who
 * sends {@code "organizations": "abc"} has sent something else than they think. {@code null} counts as absent. Fields
 * Nabij does not read are not looked at, as the import ignores them.
 */
final class HsdsShape {

    static final String MALFORMED_BUNDLE = "MALFORMED_BUNDLE";
    static final String MALFORMED_FIELD = "MALFORMED_FIELD";

    /** A list of a bundle, the name of the record each of its items is, and its type. */
    private record Part(String list, String record, Class<?> type) {}

    private static final List<Part> PARTS = List.of(
            new Part("organizations", "organization", Hsds.Organization.class),
            new Part("services", "service", Hsds.Service.class),
            new Part("locations", "location", Hsds.Location.class),
            new Part("service_at_locations", "service_at_location", Hsds.ServiceAtLocation.class));

    private HsdsShape() {}

    /** What does not fit, each naming its place in the document; empty when the shape is right. */
    static List<HsdsImport.RecordError> problems(JsonNode document) {
        if (!document.isObject()) {
            return List.of(new HsdsImport.RecordError(
                    "bundle",
                    null,
                    "",
                    MALFORMED_BUNDLE,
                    "the bundle is a JSON object with organizations, services, locations and service_at_locations"));
        }
        List<HsdsImport.RecordError> problems = new ArrayList<>();
        JsonNode version = document.get("version");
        if (present(version) && !version.isString()) {
            problems.add(new HsdsImport.RecordError(
                    "bundle", null, "version", MALFORMED_BUNDLE, "version is a string, e.g. \"3.0\""));
        }
        for (Part part : PARTS) {
            String list = part.list();
            String record = part.record();
            JsonNode items = document.get(list);
            if (!present(items)) {
                continue;
            }
            if (!items.isArray()) {
                problems.add(new HsdsImport.RecordError(
                        "bundle", null, list, MALFORMED_BUNDLE, list + " is a list of " + record + " objects"));
                continue;
            }
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                if (!item.isObject()) {
                    problems.add(new HsdsImport.RecordError(
                            record, null, list + "[" + i + "]", MALFORMED_BUNDLE, "each of " + list + " is an object"));
                } else {
                    JsonNode id = item.get("id");
                    fields(
                            item,
                            part.type(),
                            "",
                            record,
                            id != null && id.isString() ? id.stringValue() : null,
                            problems);
                }
            }
        }
        return problems;
    }

    private static void fields(
            JsonNode object,
            Class<?> type,
            String prefix,
            String record,
            String id,
            List<HsdsImport.RecordError> problems) {
        for (RecordComponent component : type.getRecordComponents()) {
            String field = prefix + jsonName(component);
            JsonNode value = object.get(jsonName(component));
            if (!present(value)) {
                continue;
            }
            if (component.getType() == String.class) {
                if (!value.isString()) {
                    problems.add(
                            new HsdsImport.RecordError(record, id, field, MALFORMED_FIELD, field + " is a string"));
                }
            } else if (component.getType() == List.class) {
                Class<?> element =
                        (Class<?>) ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                if (!value.isArray()) {
                    problems.add(new HsdsImport.RecordError(
                            record, id, field, MALFORMED_FIELD, field + " is a list of objects"));
                    continue;
                }
                for (int i = 0; i < value.size(); i++) {
                    String itemField = field + "[" + i + "]";
                    if (value.get(i).isObject()) {
                        fields(value.get(i), element, itemField + ".", record, id, problems);
                    } else {
                        problems.add(new HsdsImport.RecordError(
                                record, id, itemField, MALFORMED_FIELD, itemField + " is an object"));
                    }
                }
            } else if (value.isObject()) {
                fields(value, component.getType(), field + ".", record, id, problems);
            } else {
                problems.add(new HsdsImport.RecordError(record, id, field, MALFORMED_FIELD, field + " is an object"));
            }
        }
    }

    private static boolean present(JsonNode value) {
        return value != null && !value.isNull();
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty named = component.getAccessor().getAnnotation(JsonProperty.class);
        return named != null
                ? named.value()
                : PropertyNamingStrategies.SNAKE_CASE.nameForField(null, null, component.getName());
    }
}

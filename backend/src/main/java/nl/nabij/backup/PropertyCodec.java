package nl.nabij.backup;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.TypeSystem;

/**
 * Property values to JSON and back. Strings, numbers, booleans and lists map as themselves; dates and date-times
 * become {@code {"$date": "…"}} and {@code {"$datetime": "…"}}, so a restore writes the same Neo4j types again.
 */
final class PropertyCodec {

    private static final TypeSystem TYPES = TypeSystem.getDefault();

    private PropertyCodec() {}

    /** The properties in key order, so that equal nodes encode to equal text. */
    static Map<String, Object> encode(Map<String, Value> properties) {
        Map<String, Object> encoded = new TreeMap<>();
        properties.forEach((key, value) -> encoded.put(key, encode(value)));
        return encoded;
    }

    private static Object encode(Value value) {
        if (value.hasType(TYPES.DATE())) {
            return Map.of("$date", value.asLocalDate().toString());
        }
        if (value.hasType(TYPES.DATE_TIME())) {
            return Map.of(
                    "$datetime", value.asZonedDateTime().toOffsetDateTime().toString());
        }
        if (value.hasType(TYPES.LIST())) {
            List<Object> list = new ArrayList<>();
            value.values().forEach(element -> list.add(encode(element)));
            return list;
        }
        if (value.hasType(TYPES.INTEGER())) {
            return value.asLong();
        }
        if (value.hasType(TYPES.FLOAT())) {
            return value.asDouble();
        }
        if (value.hasType(TYPES.BOOLEAN())) {
            return value.asBoolean();
        }
        if (value.hasType(TYPES.STRING())) {
            return value.asString();
        }
        throw new IllegalArgumentException("a property of type " + value.type().name() + " has no backup form yet");
    }

    /** The driver parameter form of encoded properties. */
    static Map<String, Object> decode(Map<String, Object> properties) {
        Map<String, Object> decoded = new LinkedHashMap<>();
        properties.forEach((key, value) -> decoded.put(key, decode(value)));
        return decoded;
    }

    private static Object decode(Object value) {
        if (value instanceof Map<?, ?> typed && typed.containsKey("$date")) {
            return LocalDate.parse((String) typed.get("$date"));
        }
        if (value instanceof Map<?, ?> typed && typed.containsKey("$datetime")) {
            return ZonedDateTime.from(OffsetDateTime.parse((String) typed.get("$datetime")));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PropertyCodec::decode).toList();
        }
        return value;
    }
}

package nl.nabij.brp;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The BRP API Personen's OpenAPI 3.1 description (vendored in the test resources) as JSON Schema 2020-12: a request,
 * an answer or a Foutbericht is checked against the component its {@code type} (the discriminator) or its status
 * names, since a JSON Schema validator does not follow OpenAPI's discriminator mapping by itself.
 */
final class BrpContract {

    private static final String DESCRIPTION = "classpath:brp/brp-personen-openapi.yaml#/components/schemas/";
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private BrpContract() {}

    /** What is wrong with a request body (a {@code PersonenQuery}); empty when it keeps to the contract. */
    static List<String> requestProblems(JsonNode request) {
        return problems(request, request.path("type").asString());
    }

    /** What is wrong with an answer: a response of the type it names, or a Foutbericht for an error status. */
    static List<String> answerProblems(int status, JsonNode answer) {
        if (status >= 400) {
            return problems(answer, status == 400 ? "BadRequestFoutbericht" : "Foutbericht");
        }
        return problems(answer, answer.path("type").asString() + "Response");
    }

    private static List<String> problems(JsonNode body, String component) {
        if (component.isBlank() || component.equals("Response")) {
            return List.of("no type to pick the schema by");
        }
        Schema schema =
                SCHEMAS.computeIfAbsent(component, name -> REGISTRY.getSchema(SchemaLocation.of(DESCRIPTION + name)));
        return schema.validate(body).stream().map(Error::toString).toList();
    }
}

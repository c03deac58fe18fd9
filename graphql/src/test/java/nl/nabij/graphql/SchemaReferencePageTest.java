package nl.nabij.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.AstPrinter;
import graphql.language.Description;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/reference/graphql-schema.md lists every operation of the schema files with its arguments, its type, its
 * description and the file that declares it. The test regenerates the page and fails when the committed one differs;
 * with {@code -Dnabij.docs.write=true} it writes the page.
 */
class SchemaReferencePageTest {

    private static final String PAGE = "docs/reference/graphql-schema.md";
    private static final List<String> ROOTS = List.of("Query", "Mutation", "Subscription");

    private record Operation(
            String root, String name, String signature, String type, String description, String file) {}

    @Test
    void pageListsEveryOperationOfTheSchema() throws IOException {
        Path file = NabijSchema.repositoryRoot().resolve(PAGE);
        String generated = page();
        if (Boolean.getBoolean("nabij.docs.write")) {
            Files.writeString(file, generated, StandardCharsets.UTF_8);
            return;
        }
        String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        assertThat(committed)
                .as(
                        "%s is generated from the schema files and differs; regenerate it with `./mvnw -q -pl graphql test"
                                + " -Dtest=SchemaReferencePageTest -Dnabij.docs.write=true` and commit it",
                        PAGE)
                .isEqualTo(generated);
    }

    @Test
    void everyOperationHasADescription() {
        assertThat(operations())
                .allSatisfy(operation ->
                        assertThat(operation.description()).as(operation.name()).isNotBlank());
    }

    private static String page() {
        List<Operation> operations = operations();
        StringBuilder page = new StringBuilder();
        page.append("# GraphQL schema reference\n\n")
                .append("Every operation of the API, generated from the schema files in\n")
                .append("[`graphql/src/main/resources/graphql`](../../graphql/src/main/resources/graphql) by"
                        + " `SchemaReferencePageTest`; the types,\n")
                .append("fields and enum values they return are described in those files, and introspection shows"
                        + " the same\n")
                .append("descriptions. Who may call each operation: [the access matrix](access-matrix.md). The"
                        + " conventions (ids,\n")
                .append("cursor pages, typed errors): [the module's README](../../graphql/README.md).\n");
        for (String root : ROOTS) {
            List<Operation> ofRoot = operations.stream()
                    .filter(operation -> operation.root().equals(root))
                    .sorted(Comparator.comparing(Operation::name))
                    .toList();
            if (ofRoot.isEmpty()) {
                continue;
            }
            page.append("\n## ").append(root).append("\n\n");
            page.append("| operation | returns | file | description |\n|---|---|---|---|\n");
            for (Operation operation : ofRoot) {
                page.append("| `")
                        .append(cell(operation.signature()))
                        .append("` | `")
                        .append(cell(operation.type()))
                        .append("` | [")
                        .append(operation.file())
                        .append("](../../graphql/src/main/resources/graphql/")
                        .append(operation.file())
                        .append(") | ")
                        .append(cell(operation.description()))
                        .append(" |\n");
            }
        }
        return page.toString();
    }

    private static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Path file : NabijSchema.files()) {
            TypeDefinitionRegistry registry = new SchemaParser().parse(file.toFile());
            for (String root : ROOTS) {
                List<ObjectTypeDefinition> definitions = new ArrayList<>();
                registry.getType(root, ObjectTypeDefinition.class).ifPresent(definitions::add);
                definitions.addAll(registry.objectTypeExtensions().getOrDefault(root, List.of()));
                for (ObjectTypeDefinition definition : definitions) {
                    for (FieldDefinition field : definition.getFieldDefinitions()) {
                        operations.add(new Operation(
                                root,
                                field.getName(),
                                signature(field),
                                AstPrinter.printAst(field.getType()),
                                text(field.getDescription()),
                                file.getFileName().toString()));
                    }
                }
            }
        }
        return operations;
    }

    private static String signature(FieldDefinition field) {
        if (field.getInputValueDefinitions().isEmpty()) {
            return field.getName();
        }
        return field.getName()
                + field.getInputValueDefinitions().stream()
                        .map(argument -> argument.getName() + ": " + AstPrinter.printAst(argument.getType()))
                        .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String text(Description description) {
        return description == null ? "" : description.getContent().strip().replaceAll("\\s+", " ");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}

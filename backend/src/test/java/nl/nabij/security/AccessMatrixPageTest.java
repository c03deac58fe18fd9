package nl.nabij.security;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.nabij.docs.GeneratedPage;
import org.junit.jupiter.api.Test;

/**
 * docs/reference/access-matrix.md is {@link AccessRules}' tables, roles by operations and by node types, so the
 * reference a privacy officer reads is the table the API enforces. Which households a permitted role sees is decided
 * in the household queries and explained in docs/explanation/need-to-know.md; this page is the first level only.
 */
class AccessMatrixPageTest {

    private static final String PAGE = "docs/reference/access-matrix.md";
    private static final List<String> ROOTS = List.of("Query", "Mutation", "Subscription");
    private static final String SCHEMA_FILES = "graphql/src/main/resources/graphql";

    @Test
    void pageIsTheAccessRules() {
        GeneratedPage.assertCommitted(PAGE, page(), getClass().getSimpleName());
    }

    private static String page() {
        Map<String, String> rootOf = rootOfEveryOperation();
        StringBuilder page = new StringBuilder();
        page.append("# Access matrix\n\n")
                .append("Who may call each operation and see each node type: the tables of `security/AccessRules`,"
                        + " which the API\n")
                .append("enforces on every field it resolves. This page is generated from them by"
                        + " `AccessMatrixPageTest`, which fails\n")
                .append("when they differ. A role allowed here still sees only the households of its scope"
                        + " ([need to know](../explanation/need-to-know.md));\n")
                .append("what each role sees of the demo data, cell by cell, is in"
                        + " [who may see what](../explanation/access-control.md).\n\n")
                .append("✓ allowed, · refused (`FORBIDDEN`, or `null` where a household is outside the scope)."
                        + " *public*: also without\n")
                .append("credentials; every other operation answers 401 to a request without them. Reading the schema"
                        + " (`__schema`,\n")
                .append("`__type`, `/graphql/schema`) is for the roles in `nabij.graphql.introspection-roles`"
                        + " ([configuration](configuration.md)).\n");
        for (String root : ROOTS) {
            Set<String> operations = rootOf.entrySet().stream()
                    .filter(entry -> entry.getValue().equals(root))
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toCollection(TreeSet::new));
            page.append("\n## ").append(root).append("\n\n");
            table(page, "operation", operations, AccessRules.OPERATIONS, true);
        }
        page.append("\n## Node types\n\n")
                .append("A type's rule holds wherever it appears, not only where a query starts.\n\n");
        table(page, "type", new TreeSet<>(AccessRules.TYPES.keySet()), AccessRules.TYPES, false);
        page.append("\nReached only from certain parents:\n\n");
        new TreeMap<>(AccessRules.REACHED_ONLY_FROM)
                .forEach((role, types) -> new TreeMap<>(types).forEach((type, parents) -> page.append("- ")
                        .append(role.name())
                        .append(" sees `")
                        .append(type)
                        .append("` only from ")
                        .append(new TreeSet<>(parents)
                                .stream().map(parent -> "`" + parent + "`").collect(Collectors.joining(", ")))
                        .append(".\n")));
        page.append("\nTypes without personal data of their own, open to whoever reaches them: ")
                .append(new TreeSet<>(AccessRules.UNGUARDED_TYPES)
                        .stream().map(type -> "`" + type + "`").collect(Collectors.joining(", ")))
                .append(".\n");
        return page.toString();
    }

    private static void table(
            StringBuilder page, String what, Set<String> rows, Map<String, Set<Role>> rules, boolean publicColumn) {
        page.append("| ").append(what);
        for (Role role : Role.values()) {
            page.append(" | ").append(role.name());
        }
        page.append(publicColumn ? " | public |\n|---" : " |\n|---");
        page.append("|---".repeat(Role.values().length + (publicColumn ? 1 : 0)))
                .append("|\n");
        for (String row : rows) {
            Set<Role> allowed = rules.getOrDefault(row, Set.of());
            page.append("| `").append(row).append('`');
            for (Role role : Role.values()) {
                page.append(" | ").append(allowed.contains(role) ? "✓" : "·");
            }
            if (publicColumn) {
                page.append(" | ").append(AccessRules.PUBLIC_OPERATIONS.contains(row) ? "public" : "");
            }
            page.append(" |\n");
        }
    }

    /** Every root field of the schema files, with the root type that declares it (or extends it). */
    private static Map<String, String> rootOfEveryOperation() {
        // The schema files themselves, not the nabij-graphql jar, which a build of the backend alone takes from the
        // local repository, however old it is there.
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        try (Stream<Path> files = Files.list(GeneratedPage.repositoryRoot().resolve(SCHEMA_FILES))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".graphqls"))
                    .sorted()
                    .toList()) {
                registry.merge(new SchemaParser().parse(file.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> rootOf = new TreeMap<>();
        for (String root : ROOTS) {
            registry.getType(root, ObjectTypeDefinition.class)
                    .ifPresent(type -> type.getFieldDefinitions().forEach(field -> rootOf.put(field.getName(), root)));
            registry.objectTypeExtensions()
                    .getOrDefault(root, List.of())
                    .forEach(extension -> extension.getFieldDefinitions().stream()
                            .map(FieldDefinition::getName)
                            .forEach(name -> rootOf.put(name, root)));
        }
        return rootOf;
    }
}

package nl.nabij.graphql;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.graphql.execution.ConnectionTypeDefinitionConfigurer;

/**
 * The schema as the backend builds it, without the backend: every {@code .graphqls} of this module in one registry,
 * with the cursor connection types Spring for GraphQL generates for a {@code …Connection} the files name but do not
 * declare. Data fetchers and scalars are left out: validating a document needs the types only.
 */
final class NabijSchema {

    /** This module's schema files; the tests run in the module's directory. */
    static final Path FILES = Path.of("src/main/resources/graphql");

    private NabijSchema() {}

    static List<Path> files() {
        try (Stream<Path> files = Files.list(FILES)) {
            return files.filter(file -> file.toString().endsWith(".graphqls"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TypeDefinitionRegistry registry() {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        for (Path file : files()) {
            registry.merge(new SchemaParser().parse(file.toFile()));
        }
        new ConnectionTypeDefinitionConfigurer().configure(registry);
        return registry;
    }

    static GraphQLSchema schema() {
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry());
    }

    /** The repository's root, where the backend's web app and test documents are. */
    static Path repositoryRoot() {
        return Path.of("").toAbsolutePath().getParent();
    }
}

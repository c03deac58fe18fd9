package nl.nabij.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.schema.GraphQLSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every operation a client of this schema ships is valid against it: the web app's documents, read out of its
 * JavaScript, and the {@code .graphql} files of the backend's tests. A field renamed or removed in a {@code
 * .graphqls} file fails this module's build, naming the document and the error, instead of a screen at run time.
 */
class OperationDocumentsTest {

    /** The web app sends about thirty documents; far fewer means the reading of its JavaScript broke. */
    private static final int WEB_APP_AT_LEAST = 25;

    private static final Path TEST_DOCUMENTS = Path.of("backend/src/test/resources");

    /**
     * The backend's tests send about 130 documents from {@code graphql-test/}; far fewer means the folder moved
     * or the walk broke, and this test would pass on nothing.
     */
    private static final int BACKEND_TESTS_AT_LEAST = 129;

    private final GraphQLSchema schema = NabijSchema.schema();
    private final Path root = NabijSchema.repositoryRoot();

    @Test
    void everyDocumentOfTheWebAppIsValid() {
        List<WebAppDocuments.Document> documents = WebAppDocuments.read(root);

        assertThat(documents.stream().filter(document -> document.text() == null))
                .as("documents sent from a variable the test cannot read: send a literal or a const of the file")
                .isEmpty();
        assertThat(documents)
                .as("documents found in %s", WebAppDocuments.APP)
                .hasSizeGreaterThanOrEqualTo(WEB_APP_AT_LEAST);
        assertThat(documents.stream()
                        .map(document -> invalid(document.where(), document.text()))
                        .filter(problem -> !problem.isEmpty()))
                .as("web app documents that do not validate against the schema")
                .isEmpty();
    }

    @Test
    void everyGraphQlFileOfTheBackendTestsIsValid() throws IOException {
        List<Path> documents;
        try (Stream<Path> files = Files.walk(root.resolve(TEST_DOCUMENTS))) {
            documents = files.filter(f -> f.toString().endsWith(".graphql"))
                    .sorted()
                    .toList();
        }
        assertThat(documents)
                .as("documents found under %s", TEST_DOCUMENTS)
                .hasSizeGreaterThanOrEqualTo(BACKEND_TESTS_AT_LEAST);
        List<String> problems = new ArrayList<>();
        for (Path file : documents) {
            String problem = invalid(root.relativize(file).toString(), Files.readString(file));
            if (!problem.isEmpty()) {
                problems.add(problem);
            }
        }
        assertThat(problems)
                .as("test documents that do not validate against the schema")
                .isEmpty();
    }

    @Test
    void anInvalidDocumentIsRefusedWithItsError() {
        assertThat(invalid("example", "{ householdsAtAddress(postcode: \"1311HV\", houseNumber: 15) { noSuchField } }"))
                .contains("example")
                .contains("noSuchField");
    }

    /** Empty when the document validates; else where it is and graphql-java's errors. */
    private String invalid(String where, String text) {
        ParseAndValidateResult result = ParseAndValidate.parseAndValidate(
                schema, ExecutionInput.newExecutionInput(text).build());
        if (result.getErrors().isEmpty()) {
            return "";
        }
        return where + ": "
                + result.getErrors().stream().map(GraphQLError::getMessage).collect(Collectors.joining("; "))
                + "\n  in " + text.strip();
    }
}

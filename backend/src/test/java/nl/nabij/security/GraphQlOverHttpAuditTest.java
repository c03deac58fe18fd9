package nl.nabij.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.nabij.NabijApplication;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestSecrets;
import nl.nabij.support.TestTokens;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The graphql-http server audit (the npm package {@code graphql-http}, pinned in {@code src/test/graphql-http-audit})
 * against the running app, signed in as a team lead, in the default profile and in {@code prod}: no MUST and no
 * SHOULD fails. The audit reads types with {@code __type}, so in {@code prod}, where nobody may introspect unless the
 * operator lists roles, it runs with team leads listed, and checks that without that nobody may. Needs node and npm,
 * as the build machines have.
 */
@NabijIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphQlOverHttpAuditTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path AUDIT = Path.of("target", "graphql-http-audit");

    @LocalServerPort
    int port;

    @Autowired
    Neo4jConnectionDetails database;

    private ConfigurableApplicationContext production;

    @BeforeAll
    static void installTheAudit() throws Exception {
        Files.createDirectories(AUDIT);
        for (String file : List.of("package.json", "package-lock.json", "audit.mjs")) {
            Files.copy(
                    Path.of("src", "test", "graphql-http-audit", file),
                    AUDIT.resolve(file),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        run("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(AUDIT.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** The audits that failed a MUST (status error) or a SHOULD (status warn), with why. */
    @SuppressWarnings("unchecked")
    private static List<String> failedMustsAndShoulds(int port) throws Exception {
        String output = run(
                "node", "audit.mjs", "http://127.0.0.1:" + port + "/graphql", TestUsers.bearer(TestUsers.teamLead()));
        List<Map<String, Object>> results = output.lines()
                .filter(line -> line.startsWith("{"))
                .map(line -> (Map<String, Object>) JSON.readValue(line, Map.class))
                .toList();
        assertThat(results).as(output).hasSizeGreaterThan(30);
        return results.stream()
                .filter(result -> List.of("error", "warn").contains(result.get("status")))
                .map(result -> result.get("id") + " " + result.get("name") + ": " + result.get("reason"))
                .toList();
    }

    @Test
    void noMustAndNoShouldFailsInTheDefaultProfile() throws Exception {
        assertThat(failedMustsAndShoulds(port)).isEmpty();
    }

    /**
     * A second instance in the prod profile as shipped, started by the first test that needs it and shared by the
     * class's tests, which only read from it.
     */
    private ConfigurableApplicationContext production() {
        if (production == null) {
            production = new SpringApplicationBuilder(NabijApplication.class)
                    .properties(
                            "spring.profiles.active=prod",
                            "nabij.volunteer.public-url=https://nabij.example.nl",
                            "spring.neo4j.uri=" + database.getUri(),
                            "server.port=0",
                            "nabij.pseudonym.secret=" + TestSecrets.PSEUDONYM_SECRET,
                            TestTokens.PUBLIC_KEY_PROPERTY)
                    .run();
        }
        return production;
    }

    @AfterAll
    void stopTheProductionInstance() {
        if (production != null) {
            production.close();
        }
    }

    private static int portOf(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void noMustAndNoShouldFailsInProductionAsShipped() throws Exception {
        assertThat(failedMustsAndShoulds(portOf(production()))).isEmpty();
    }

    @Test
    void inProductionAsEverywhereAVolunteerDoesNotReadTheSchema() throws Exception {
        GraphQlClients.overHttp(portOf(production()), TestUsers.demo(Role.VOLUNTEER))
                .documentName("typeOfHousehold")
                .execute()
                .errors()
                .satisfy(
                        errors -> assertThat(errors).singleElement().satisfies(error -> assertThat(error.getErrorType())
                                .hasToString("FORBIDDEN")))
                .path("__typename")
                .entity(String.class)
                .isEqualTo("Query");
    }
}

package nl.nabij.brp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The BRP client against the stub BRP: it fetches a client-credentials token once and sends it, asks each question
 * for only the fields Nabij needs, and turns every failure into a typed {@link BrpException}. Every recorded answer,
 * and every request and answer exchanged here, keeps to the BRP API Personen's OpenAPI description.
 */
class BrpClientTest {

    private static final StubBrp STUB = new StubBrp();
    private static final String NOOR = "931134444";

    private final BrpClient client = client(Duration.ofSeconds(1));

    private static BrpClient client(Duration readTimeout) {
        BrpProperties properties = new BrpProperties(
                true,
                URI.create(STUB.baseUrl()),
                null,
                Duration.ofSeconds(1),
                readTimeout,
                new BrpProperties.OAuth(
                        URI.create(STUB.baseUrl() + "/token"), StubBrp.CLIENT_ID, StubBrp.CLIENT_SECRET, "brp"),
                new BrpProperties.Sync("-"));
        return new BrpConfiguration().brpClient(properties, new DefaultSslBundleRegistry());
    }

    @AfterEach
    void everyExchangeKeptToTheContract() {
        for (StubBrp.Exchange exchange : STUB.exchanges()) {
            assertThat(BrpContract.requestProblems(exchange.request()))
                    .as("request %s", exchange.request())
                    .isEmpty();
            if (exchange.answer() != null) {
                assertThat(BrpContract.answerProblems(exchange.status(), exchange.answer()))
                        .as("answer %s", exchange.answer())
                        .isEmpty();
            }
        }
        STUB.reset();
    }

    @AfterAll
    static void stop() {
        STUB.close();
    }

    @Test
    void everyRecordedAnswerKeepsToTheContract() throws IOException {
        Path folder = Path.of("src/test/resources/brp/recorded");
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.sorted().toList();
            assertThat(all).hasSizeGreaterThan(10);
            for (Path file : all) {
                JsonNode answer = StubBrp.recorded(file.getFileName().toString());
                int status = answer.path("status").asInt(200);
                assertThat(BrpContract.answerProblems(status, answer))
                        .as(file.getFileName().toString())
                        .isEmpty();
            }
        }
    }

    @Test
    void theContractCheckCatchesAnAnswerThatBreaksIt() {
        JsonNode broken = StubBrp.recorded("raadpleeg-noor.json");
        ((tools.jackson.databind.node.ObjectNode) broken.path("personen").get(0)).put("burgerservicenummer", "12");

        assertThat(BrpContract.answerProblems(200, broken)).isNotEmpty();
    }

    @Test
    void aPersonIsAskedByBsnWithATokenAndOnlyTheFieldsNabijNeeds() {
        STUB.persons("raadpleeg-noor.json");

        List<Personen.Persoon> found = client.byBsn(List.of(NOOR));

        assertThat(found).singleElement().satisfies(noor -> {
            assertThat(noor.displayName()).isEqualTo("Noor Vermeulen");
            assertThat(noor.relatives()).containsExactlyInAnyOrder("997248622", "929686640");
            assertThat(noor.verblijfplaats().adresseerbaarObjectIdentificatie()).isEqualTo("9901010000000007");
        });
        JsonNode request = STUB.exchanges().getFirst().request();
        assertThat(request.path("type").asString()).isEqualTo("RaadpleegMetBurgerservicenummer");
        assertThat(request.path("fields").valueStream().map(JsonNode::asString))
                .containsExactlyElementsOf(BrpClient.PERSON_FIELDS);
        assertThat(STUB.tokenRequests()).singleElement().asString().contains("grant_type=client_credentials");
    }

    @Test
    void theTokenIsFetchedOnceAndReused() {
        client.byBsn(List.of(NOOR));
        client.atAddressableObject("9901010000000007");
        client.atPostcode("1311ZA", 7);

        assertThat(STUB.tokenRequests()).hasSize(1);
        assertThat(STUB.exchanges()).hasSize(3);
    }

    @Test
    void theHousematesAreAskedByAddressableObject() {
        STUB.at("9901010000000007", "zoek-adres-1311ZA-7.json");

        List<Personen.Persoon> housemates = client.atAddressableObject("9901010000000007");

        assertThat(housemates)
                .extracting(Personen.Persoon::displayName)
                .containsExactly("Noor Vermeulen", "Sem Bakker", "Lotte Bakker", "Daan Bakker", "Kees Jansen");
        assertThat(STUB.exchanges()
                        .getFirst()
                        .request()
                        .path("fields")
                        .valueStream()
                        .map(JsonNode::asString))
                .containsExactlyElementsOf(BrpClient.HOUSEMATE_FIELDS);
    }

    @Test
    void aFoutberichtIsARefusalWithItsCodeAndNoBsn() {
        STUB.failFor(NOOR, new StubBrp.Failure.Problem(403, "foutbericht-403.json"));

        assertThatThrownBy(() -> client.byBsn(List.of(NOOR))).isInstanceOfSatisfying(BrpException.class, e -> {
            assertThat(e.kind()).isEqualTo(BrpException.Kind.REFUSED);
            assertThat(e.problem().code()).isEqualTo("authorization");
            assertThat(e.getMessage()).contains("403").doesNotContain(NOOR);
        });
    }

    @Test
    void aBadRequestIsARefusalToo() {
        STUB.failFor(NOOR, new StubBrp.Failure.Problem(400, "foutbericht-400.json"));

        assertThatThrownBy(() -> client.byBsn(List.of(NOOR)))
                .isInstanceOfSatisfying(
                        BrpException.class, e -> assertThat(e.kind()).isEqualTo(BrpException.Kind.REFUSED));
    }

    @Test
    void aServiceUnavailableFoutberichtIsAnOutage() {
        STUB.failFor(NOOR, new StubBrp.Failure.Problem(503, "foutbericht-503.json"));

        assertThatThrownBy(() -> client.byBsn(List.of(NOOR))).isInstanceOfSatisfying(BrpException.class, e -> {
            assertThat(e.kind()).isEqualTo(BrpException.Kind.UNAVAILABLE);
            assertThat(e.problem().code()).isEqualTo("notAvailable");
        });
    }

    @Test
    void anAnswerSlowerThanTheReadTimeoutIsATimeout() {
        STUB.failFor(NOOR, new StubBrp.Failure.Slow(Duration.ofSeconds(3)));

        assertThatThrownBy(() -> client.byBsn(List.of(NOOR)))
                .isInstanceOfSatisfying(
                        BrpException.class, e -> assertThat(e.kind()).isEqualTo(BrpException.Kind.TIMEOUT));
    }

    @Test
    void aConnectionThatHangsUpIsAnOutage() {
        STUB.failFor(NOOR, new StubBrp.Failure.HangUp());

        assertThatThrownBy(() -> client.byBsn(List.of(NOOR)))
                .isInstanceOfSatisfying(
                        BrpException.class, e -> assertThat(e.kind()).isEqualTo(BrpException.Kind.UNAVAILABLE));
    }

    @Test
    void wrongClientCredentialsAreARefusal() {
        BrpProperties properties = new BrpProperties(
                true,
                URI.create(STUB.baseUrl()),
                null,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                new BrpProperties.OAuth(URI.create(STUB.baseUrl() + "/token"), StubBrp.CLIENT_ID, "wrong", null),
                new BrpProperties.Sync("-"));
        BrpClient refused = new BrpConfiguration().brpClient(properties, new DefaultSslBundleRegistry());

        assertThatThrownBy(() -> refused.byBsn(List.of(NOOR))).isInstanceOfSatisfying(BrpException.class, e -> {
            assertThat(e.kind()).isEqualTo(BrpException.Kind.REFUSED);
            assertThat(e.getMessage()).contains("token endpoint refused");
        });
        assertThat(STUB.exchanges()).isEmpty();
    }

    @Test
    void aBrpNobodyListensOnIsAnOutage() {
        BrpProperties properties = new BrpProperties(
                true,
                URI.create("http://127.0.0.1:9"),
                null,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                new BrpProperties.OAuth(null, null, null, null),
                new BrpProperties.Sync("-"));
        BrpClient unreachable = new BrpConfiguration().brpClient(properties, new DefaultSslBundleRegistry());

        assertThatThrownBy(() -> unreachable.byBsn(List.of(NOOR)))
                .isInstanceOfSatisfying(
                        BrpException.class, e -> assertThat(e.kind()).isEqualTo(BrpException.Kind.UNAVAILABLE));
    }
}

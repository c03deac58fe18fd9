package nl.nabij.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.nabij.network.MissingLinks;
import nl.nabij.network.NetworkService;
import nl.nabij.security.Role;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestMail;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A volunteer registers without an account, confirms by mail, a Haven team lead approves and connects them, and the
 * network's finding about their place closes; bad input, the honeypot and the rate limit are typed errors that store
 * nothing. The rate limit test runs last: it uses up this address's registrations for the hour.
 */
@NabijIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VolunteerTest {

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(new ServerSetup(TestMail.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private static final String HAVEN = "WK990101";
    private static final Pattern TOKEN = Pattern.compile("confirm\\?token=([A-Za-z0-9_-]+)");

    private static final String REGISTER =
            """
            mutation($input: RegisterAsVolunteerInput!) { registerAsVolunteer(input: $input) {
              registration { id status neighbourhoodCode place { id name status } offers }
              personalLink confirmationMailed errors { field code } } }
            """;

    private static final String DECIDE =
            """
            mutation($input: VolunteerDecisionInput!) { %s(input: $input) {
              registration { status connected vogCheckedOn place { status } } errors { field code } } }
            """;

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Autowired
    NetworkService networks;

    @Autowired
    SelfRegistration selfRegistration;

    private HttpGraphQlTester anonymous() {
        return HttpGraphQlTester.create(WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port + "/public/graphql")
                .build());
    }

    private static Map<String, Object> registration(String placeName) {
        Map<String, Object> input = new HashMap<>();
        input.put("name", "Fatma de Boer");
        input.put("email", "fatma@example.org");
        input.put("postcode", "1311 HV");
        input.put("proposedPlace", Map.of("name", placeName, "category", "TRUSTED_PERSON"));
        input.put("offers", List.of("LISTENING_EAR", "PAPERWORK"));
        input.put("availability", "Dinsdagmiddag");
        input.put("consentToBeContacted", true);
        return input;
    }

    private GraphQlTester.Response register(Map<String, Object> input) {
        return anonymous().document(REGISTER).variable("input", input).execute();
    }

    private GraphQlTester.Response decide(String mutation, Map<String, Object> input) {
        return GraphQlClients.overHttp(port, TestUsers.teamLead())
                .document(DECIDE.formatted(mutation))
                .variable("input", input)
                .execute();
    }

    private long registrations() {
        return driver.executableQuery("MATCH (r:VolunteerRegistration) RETURN count(r) AS n")
                .execute()
                .records()
                .get(0)
                .get("n")
                .asLong();
    }

    private List<String> missingPlaces() {
        return networks.missingLinks(HAVEN, null, 2, TestUsers.teamLead()).vindplaatsContacts().stream()
                .map(MissingLinks.VindplaatsContact::vindplaats)
                .toList();
    }

    @Test
    @Order(1)
    void registerConfirmApproveConnectAndTheNetworkFindingCloses() throws Exception {
        var registered = register(registration("Buurtmoeders Havenkwartier"));
        registered.path("registerAsVolunteer.errors").entityList(Object.class).hasSize(0);
        registered
                .path("registerAsVolunteer.confirmationMailed")
                .entity(Boolean.class)
                .isEqualTo(true);
        registered
                .path("registerAsVolunteer.registration.status")
                .entity(String.class)
                .isEqualTo("UNCONFIRMED");
        String id = registered
                .path("registerAsVolunteer.registration.id")
                .entity(String.class)
                .get();
        String place = registered
                .path("registerAsVolunteer.registration.place.id")
                .entity(String.class)
                .get();
        String personalLink = registered
                .path("registerAsVolunteer.personalLink")
                .entity(String.class)
                .get();
        assertThat(missingPlaces()).as("a proposal is no vindplaats yet").doesNotContain(place);

        assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
        String mail = SMTP.getReceivedMessages()[SMTP.getReceivedMessages().length - 1]
                .getContent()
                .toString();
        Matcher token = TOKEN.matcher(mail);
        assertThat(token.find()).as(mail).isTrue();
        anonymous()
                .document("mutation($t: String!) { confirmVolunteerRegistration(input: {token: $t}) {"
                        + " registration { status } } }")
                .variable("t", token.group(1))
                .execute()
                .path("confirmVolunteerRegistration.registration.status")
                .entity(String.class)
                .isEqualTo("PENDING");
        anonymous()
                .document("mutation($t: String!) { confirmVolunteerRegistration(input: {token: $t}) {"
                        + " errors { code } } }")
                .variable("t", token.group(1))
                .execute()
                .path("confirmVolunteerRegistration.errors[0].code")
                .entity(String.class)
                .isEqualTo("UNKNOWN_OR_EXPIRED_LINK");

        GraphQlClients.overHttp(port, TestUsers.teamLead())
                .document("{ volunteerReviewQueue { edges { node { id name offers } } } }")
                .execute()
                .path("volunteerReviewQueue.edges[*].node.id")
                .entityList(String.class)
                .contains(id);
        decide("connectVolunteerToTeam", Map.of("registrationId", id))
                .path("connectVolunteerToTeam.errors[0].code")
                .entity(String.class)
                .isEqualTo("NOT_APPROVED");
        var approved = decide(
                "approveVolunteer",
                Map.of("registrationId", id, "vogCheckedOn", LocalDate.now().toString()));
        approved.path("approveVolunteer.registration.status")
                .entity(String.class)
                .isEqualTo("APPROVED");
        approved.path("approveVolunteer.registration.place.status")
                .entity(String.class)
                .isEqualTo("ACTIVE");
        assertThat(missingPlaces())
                .as("now a vindplaats the team does not know")
                .contains(place);

        decide("connectVolunteerToTeam", Map.of("registrationId", id))
                .path("connectVolunteerToTeam.registration.connected")
                .entity(Boolean.class)
                .isEqualTo(true);
        assertThat(missingPlaces()).as("the team's contact closes the finding").doesNotContain(place);

        String personal = personalLink.substring(personalLink.indexOf("token=") + "token=".length());
        anonymous()
                .document("mutation($t: String!) { updateVolunteerRegistration(input: {token: $t, phone:"
                        + " \"06 1234 5678\"}) { registration { phone status } } }")
                .variable("t", personal)
                .execute()
                .path("updateVolunteerRegistration.registration.phone")
                .entity(String.class)
                .isEqualTo("06 1234 5678");
        anonymous()
                .document("mutation($t: String!) { deleteVolunteerRegistration(input: {token: $t}) { deleted } }")
                .variable("t", personal)
                .execute()
                .path("deleteVolunteerRegistration.deleted")
                .entity(Boolean.class)
                .isEqualTo(true);
        anonymous()
                .document("query($t: String!) { volunteerRegistration(token: $t) { id } }")
                .variable("t", personal)
                .execute()
                .path("volunteerRegistration")
                .valueIsNull();
        driver.executableQuery("MATCH (v:Vindplaats {id: $id}) DETACH DELETE v")
                .withParameters(Map.of("id", place))
                .execute();
    }

    @Test
    @Order(2)
    void withoutAnAddressTheLinkGoesToTheAdministratorAndUnconfirmedOnesExpire() {
        Map<String, Object> input = registration("Buurtvaders Kerkbuurt");
        input.remove("email");
        input.put("phone", "06 9876 5432");
        var registered = register(input);
        registered
                .path("registerAsVolunteer.confirmationMailed")
                .entity(Boolean.class)
                .isEqualTo(false);
        String id = registered
                .path("registerAsVolunteer.registration.id")
                .entity(String.class)
                .get();

        GraphQlClients.overHttp(port, TestUsers.demo(Role.ADMINISTRATOR))
                .document("{ unconfirmedVolunteerRegistrations { id confirmationLink } }")
                .execute()
                .path("unconfirmedVolunteerRegistrations[?(@.id == '" + id + "')].confirmationLink")
                .entityList(String.class)
                .satisfies(links -> assertThat(links).singleElement().asString().contains("confirm?token="));

        long before = registrations();
        assertThat(selfRegistration.removeExpiredAt(
                        Instant.now().plus(Duration.ofDays(2)).plusSeconds(60)))
                .isGreaterThanOrEqualTo(1);
        assertThat(registrations()).isLessThan(before);
        assertThat(driver.executableQuery("MATCH (v:Vindplaats {name: 'Buurtvaders Kerkbuurt'}) RETURN count(v) AS n")
                        .execute()
                        .records()
                        .get(0)
                        .get("n")
                        .asLong())
                .as("the place it proposed went with it")
                .isZero();
    }

    @Test
    @Order(3)
    void everyBadFieldAndTheHoneypotAreTypedErrorsAndNothingIsStored() {
        long before = registrations();
        Map<String, Object> bad = new HashMap<>();
        bad.put("name", "<b>Bot</b>");
        bad.put("email", "not-an-address");
        bad.put("phone", "call me");
        bad.put("postcode", "12");
        bad.put("vindplaatsId", "not-a-uuid");
        bad.put("proposedPlace", Map.of("name", "x", "category", "SCHOOL"));
        bad.put("offers", List.of());
        bad.put("availability", "<script>alert(1)</script>");
        bad.put("consentToBeContacted", false);
        bad.put("website", "http://spam.example");

        register(bad)
                .path("registerAsVolunteer.errors[*].field")
                .entityList(String.class)
                .containsExactly(
                        "website",
                        "name",
                        "email",
                        "phone",
                        "postcode",
                        "vindplaatsId",
                        "offers",
                        "availability",
                        "consentToBeContacted");
        assertThat(registrations()).isEqualTo(before);

        GraphQlClients.overHttp(port, TestUsers.demo(Role.VOLUNTEER))
                .document("{ volunteerReviewQueue { edges { node { id } } } }")
                .execute()
                .errors()
                .satisfy(errors ->
                        assertThat(errors.get(0).getErrorType().toString()).isEqualTo("FORBIDDEN"));
        WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port + "/public/graphql")
                .build()
                .post()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ householdsAtAddress(postcode: \"1311HV\", houseNumber: 15) { id } }"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    @Order(4)
    void oneAddressMayRegisterOnlySoOftenPerHour() {
        long before = registrations();
        int accepted = 0;
        String limited = null;
        for (int attempt = 0; attempt < 10 && limited == null; attempt++) {
            Map<String, Object> input = registration("Plek " + attempt);
            input.remove("proposedPlace");
            input.put("vindplaatsId", "00000000-0000-0000-0000-000000000000");
            var answer = register(input);
            List<String> codes = answer.path("registerAsVolunteer.errors[*].code")
                    .entityList(String.class)
                    .get();
            if (codes.contains("RATE_LIMITED")) {
                limited = answer.path("registerAsVolunteer.errors[0].field")
                        .entity(String.class)
                        .get();
            } else {
                accepted++;
            }
        }
        assertThat(limited).as("the limit names the input as a whole").isEqualTo("input");
        assertThat(accepted).isLessThan(5);
        assertThat(registrations()).isEqualTo(before);
    }

    @Test
    @Order(5)
    void aPostcodeIsPlacedByTheMunicipalitysGeographyNotByWhetherAnyoneLivesThere() {
        // The case household lives at 1311 HV; nobody Nabij holds lives at 1311 ZZ; 9999 lies outside the municipality.
        // An unknown vindplaats makes every attempt fail, so the answers differ only where the postcode is judged.
        Map<String, List<String>> codes = new HashMap<>();
        for (String postcode : List.of("1311 HV", "1311 ZZ", "9999 AA")) {
            var input = new RegistrationInput(
                    "Fatma de Boer",
                    "fatma@example.org",
                    null,
                    postcode,
                    "00000000-0000-0000-0000-000000000000",
                    null,
                    List.of(Offer.LISTENING_EAR),
                    "Dinsdagmiddag",
                    true,
                    null);
            codes.put(
                    postcode,
                    selfRegistration.register(input, "192.0.2.1").errors().stream()
                            .map(error -> error.code())
                            .toList());
        }
        assertThat(codes.get("1311 HV")).isEqualTo(codes.get("1311 ZZ")).containsExactly("UNKNOWN_VINDPLAATS");
        assertThat(codes.get("9999 AA")).containsExactly("UNKNOWN_POSTCODE", "UNKNOWN_VINDPLAATS");
    }
}

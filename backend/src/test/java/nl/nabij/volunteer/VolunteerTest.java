package nl.nabij.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.nabij.api.Digests;
import nl.nabij.network.MissingLinks;
import nl.nabij.network.NetworkService;
import nl.nabij.security.Role;
import nl.nabij.support.GraphQlClients;
import nl.nabij.support.NabijIntegrationTest;
import nl.nabij.support.TestMail;
import nl.nabij.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * network's finding about their place closes; bad input and the rate limit are typed errors that store nothing, and
 * the honeypot is answered as a success that stores and mails nothing. Names in any script are accepted, hidden
 * characters refused; a new identity after approval goes back to review; links are stored only as hashes. Each test
 * starts with the rate limit's windows cleared, as if an hour had passed.
 */
@NabijIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VolunteerTest {

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(new ServerSetup(TestMail.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private static final String HAVEN = "WK990101";
    private static final Pattern TOKEN = Pattern.compile("confirm\\?token=([A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Autowired
    NetworkService networks;

    @Autowired
    SelfRegistration selfRegistration;

    @Autowired
    RegistrationRateLimit rateLimit;

    @BeforeEach
    @AfterEach
    void forgetTheRateLimit() {
        driver.executableQuery("MATCH (w:RegistrationWindow) DELETE w").execute();
    }

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
        return anonymous()
                .documentName("registerAsVolunteer")
                .variable("input", input)
                .execute();
    }

    private GraphQlTester.Response decide(String mutation, Map<String, Object> input) {
        return GraphQlClients.overHttp(port, TestUsers.teamLead())
                .documentName(mutation)
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
                .documentName("confirmVolunteerRegistration")
                .variable("t", token.group(1))
                .execute()
                .path("confirmVolunteerRegistration.registration.status")
                .entity(String.class)
                .isEqualTo("PENDING");
        anonymous()
                .documentName("confirmVolunteerRegistrationErrors")
                .variable("t", token.group(1))
                .execute()
                .path("confirmVolunteerRegistration.errors[0].code")
                .entity(String.class)
                .isEqualTo("UNKNOWN_OR_EXPIRED_LINK");

        GraphQlClients.overHttp(port, TestUsers.teamLead())
                .documentName("volunteerReviewQueueOffers")
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
                .documentName("updateVolunteerRegistration")
                .variable("input", Map.of("token", personal, "phone", "06 1234 5678"))
                .execute()
                .path("updateVolunteerRegistration.registration.phone")
                .entity(String.class)
                .isEqualTo("06 1234 5678");
        anonymous()
                .documentName("deleteVolunteerRegistration")
                .variable("t", personal)
                .execute()
                .path("deleteVolunteerRegistration.deleted")
                .entity(Boolean.class)
                .isEqualTo(true);
        anonymous()
                .documentName("volunteerRegistration")
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
                .documentName("unconfirmedVolunteerRegistrations")
                .execute()
                .path("unconfirmedVolunteerRegistrations[*].id")
                .entityList(String.class)
                .contains(id);
        assertThat(storedText(id)).as("no link in clear").doesNotContain("token=");
        String token = issueConfirmationLink(id);
        assertThat(storedText(id)).doesNotContain(token).contains(Digests.sha256(token));

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

    /** Every property of the registration as text, to see what the database holds. */
    private String storedText(String id) {
        return driver.executableQuery("MATCH (r:VolunteerRegistration {id: $id}) RETURN properties(r) AS p")
                .withParameters(Map.of("id", id))
                .execute()
                .records()
                .get(0)
                .get("p")
                .asMap()
                .toString();
    }

    /** The administrator issues a confirmation link; returns its token. */
    private String issueConfirmationLink(String id) {
        String link = GraphQlClients.overHttp(port, TestUsers.demo(Role.ADMINISTRATOR))
                .documentName("issueVolunteerConfirmationLink")
                .variable("id", id)
                .execute()
                .path("issueVolunteerConfirmationLink.confirmationLink")
                .entity(String.class)
                .get();
        Matcher token = TOKEN.matcher(link);
        assertThat(token.find()).as(link).isTrue();
        return token.group(1);
    }

    @Test
    @Order(3)
    void everyBadFieldIsATypedErrorAndNothingIsStored() {
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
                .documentName("volunteerReviewQueue")
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
    void oneAddressMayRegisterOnlySoOftenPerHourWhateverItsForwardedForSays() {
        long before = registrations();
        int accepted = 0;
        String limited = null;
        for (int attempt = 0; attempt < 10 && limited == null; attempt++) {
            Map<String, Object> input = registration("Plek " + attempt);
            input.remove("proposedPlace");
            input.put("vindplaatsId", "00000000-0000-0000-0000-000000000000");
            var answer = anonymous()
                    .mutate()
                    .header("X-Forwarded-For", "203.0.113." + attempt)
                    .build()
                    .documentName("registerAsVolunteer")
                    .variable("input", input)
                    .execute();
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
        assertThat(limited)
                .as("the limit names the input as a whole, and 127.0.0.1 is no trusted proxy")
                .isEqualTo("input");
        assertThat(accepted).as("five in the hour, from one address").isEqualTo(5);
        assertThat(registrations()).isEqualTo(before);
        assertThat(
                        driver
                                .executableQuery("MATCH (w:RegistrationWindow) RETURN w.key AS key")
                                .execute()
                                .records()
                                .stream()
                                .map(row -> row.get("key").asString())
                                .toList())
                .as("one window, of the address the requests came from, hashed")
                .singleElement()
                .asString()
                .startsWith(Digests.sha256("127.0.0.1") + "@");

        assertThat(rateLimit.removeExpiredAt(Instant.now().plus(Duration.ofHours(1))))
                .as("the hour's window goes once the hour has passed")
                .isPositive();
        Map<String, Object> input = registration("Plek");
        input.remove("proposedPlace");
        input.put("vindplaatsId", "00000000-0000-0000-0000-000000000000");
        assertThat(register(input)
                        .path("registerAsVolunteer.errors[*].code")
                        .entityList(String.class)
                        .get())
                .doesNotContain("RATE_LIMITED");
    }

    @Test
    @Order(5)
    void aFilledHoneypotIsAnsweredAsASuccessWhileNothingIsStoredOrMailed() throws Exception {
        long before = registrations();
        int mails = SMTP.getReceivedMessages().length;
        Map<String, Object> input = registration("Buurtkamer Honingpot");
        input.put("website", "http://spam.example");

        var answer = register(input);

        answer.path("registerAsVolunteer.errors").entityList(Object.class).hasSize(0);
        answer.path("registerAsVolunteer.registration.status")
                .entity(String.class)
                .isEqualTo("UNCONFIRMED");
        answer.path("registerAsVolunteer.confirmationMailed")
                .entity(Boolean.class)
                .isEqualTo(true);
        String personalLink = answer.path("registerAsVolunteer.personalLink")
                .entity(String.class)
                .get();
        assertThat(personalLink).contains("mine?token=");
        assertThat(registrations()).isEqualTo(before);
        assertThat(places("Buurtkamer Honingpot")).isZero();
        assertThat(SMTP.waitForIncomingEmail(2_000, mails + 1)).as("no mail").isFalse();
        anonymous()
                .documentName("volunteerRegistration")
                .variable("t", personalLink.substring(personalLink.indexOf("token=") + "token=".length()))
                .execute()
                .path("volunteerRegistration")
                .valueIsNull();
    }

    private long places(String name) {
        return driver.executableQuery("MATCH (v:Vindplaats {name: $name}) RETURN count(v) AS n")
                .withParameters(Map.of("name", name))
                .execute()
                .records()
                .get(0)
                .get("n")
                .asLong();
    }

    private GraphQlTester.Response correct(String personalToken, String field, String value) {
        return anonymous()
                .documentName("updateVolunteerRegistration")
                .variable("input", Map.of("token", personalToken, field, value))
                .execute();
    }

    @Test
    @Order(6)
    void anApprovedVolunteerWithANewNameEmailOrPhoneGoesBackToReview() {
        Map<String, Object> input = registration("Buurtkamer Nieuwe Naam");
        input.remove("email");
        input.put("phone", "06 1111 2222");
        var registered = register(input);
        String id = registered
                .path("registerAsVolunteer.registration.id")
                .entity(String.class)
                .get();
        String place = registered
                .path("registerAsVolunteer.registration.place.id")
                .entity(String.class)
                .get();
        String link = registered
                .path("registerAsVolunteer.personalLink")
                .entity(String.class)
                .get();
        String personal = link.substring(link.indexOf("token=") + "token=".length());
        anonymous()
                .documentName("confirmVolunteerRegistration")
                .variable("t", issueConfirmationLink(id))
                .execute()
                .path("confirmVolunteerRegistration.registration.status")
                .entity(String.class)
                .isEqualTo("PENDING");
        String today = LocalDate.now().toString();

        for (String[] change : List.of(
                new String[] {"name", "Fatma van ’t Hof"},
                new String[] {"email", "fatma.vanthof@example.org"},
                new String[] {"phone", "06 3333 4444"})) {
            decide("approveVolunteer", Map.of("registrationId", id, "vogCheckedOn", today))
                    .path("approveVolunteer.registration.status")
                    .entity(String.class)
                    .isEqualTo("APPROVED");
            // What they offer and when is no new identity.
            correct(personal, "availability", "Woensdagochtend " + change[0])
                    .path("updateVolunteerRegistration.registration.status")
                    .entity(String.class)
                    .isEqualTo("APPROVED");

            var changed = correct(personal, change[0], change[1]);

            changed.path("updateVolunteerRegistration.registration.status")
                    .entity(String.class)
                    .isEqualTo("PENDING");
            changed.path("updateVolunteerRegistration.registration.vogCheckedOn")
                    .valueIsNull();
            GraphQlClients.overHttp(port, TestUsers.teamLead())
                    .documentName("volunteerReviewQueue")
                    .execute()
                    .path("volunteerReviewQueue.edges[*].node.id")
                    .entityList(String.class)
                    .contains(id);
        }

        anonymous()
                .documentName("deleteVolunteerRegistration")
                .variable("t", personal)
                .execute()
                .path("deleteVolunteerRegistration.deleted")
                .entity(Boolean.class)
                .isEqualTo(true);
        assertThat(places("Buurtkamer Nieuwe Naam"))
                .as("an approved place is a vindplaats of its own and stays")
                .isEqualTo(1);
        driver.executableQuery("MATCH (v:Vindplaats {id: $id}) DETACH DELETE v")
                .withParameters(Map.of("id", place))
                .execute();
    }

    @Test
    @Order(7)
    void namesInAnyScriptAreAcceptedAndHiddenCharactersRefusedInEveryField() {
        for (String name : List.of(
                "Fatma van ’t Hof", "Sjoerd d‘Oliveira", "مُحَمَّد عَلِي", "अनन्या शर्मा", "Zoe\u0308 Jansen")) {
            Map<String, Object> input = registration("Buurtkamer Schrift");
            input.put("name", name);
            forgetTheRateLimit();
            var answer = register(input);

            answer.path("registerAsVolunteer.errors").entityList(Object.class).hasSize(0);
            answer.path("registerAsVolunteer.registration.name")
                    .entity(String.class)
                    .isEqualTo(Normalizer.normalize(name, Normalizer.Form.NFC));
            String link = answer.path("registerAsVolunteer.personalLink")
                    .entity(String.class)
                    .get();
            anonymous()
                    .documentName("deleteVolunteerRegistration")
                    .variable("t", link.substring(link.indexOf("token=") + "token=".length()))
                    .execute()
                    .path("deleteVolunteerRegistration.deleted")
                    .entity(Boolean.class)
                    .isEqualTo(true);
            assertThat(places("Buurtkamer Schrift"))
                    .as("deleting a registration deletes the place it proposed")
                    .isZero();
        }

        forgetTheRateLimit();
        long before = registrations();
        Map<String, Object> hidden = registration("Buurt\u2066kamer\u2069 Verborgen");
        hidden.put("name", "Fatma\u202E de Boer");
        hidden.put("email", "fatma\u200B@example.org");
        hidden.put("availability", "Dinsdag\uFEFFmiddag");
        register(hidden)
                .path("registerAsVolunteer.errors[*].field")
                .entityList(String.class)
                .containsExactly("name", "email", "proposedPlace.name", "availability");
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
                    null,
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

    @Test
    @Order(6)
    void aRetryWithTheSameKeyFindsTheFirstRegistrationAndHandsOutANewPersonalLink() {
        var input = new RegistrationInput(
                "Joost van ’t Hof",
                null,
                "0612345678",
                "1311 HV",
                null,
                new RegistrationInput.ProposedPlace("Moestuin Havenkwartier", "CITIZEN_INITIATIVE"),
                List.of(Offer.LISTENING_EAR),
                "Zaterdag",
                true,
                null,
                "volunteer-retry-1");
        long before = registrations();

        var first = selfRegistration.register(input, "192.0.2.2");
        var retried = selfRegistration.register(input, "192.0.2.2");
        try {
            assertThat(first.errors()).isEmpty();
            assertThat(retried.errors()).isEmpty();
            assertThat(retried.registration().id())
                    .isEqualTo(first.registration().id());
            assertThat(registrations()).isEqualTo(before + 1);
            assertThat(retried.personalLink()).isNotEqualTo(first.personalLink());
            String firstToken =
                    first.personalLink().substring(first.personalLink().indexOf("token=") + 6);
            String newToken =
                    retried.personalLink().substring(retried.personalLink().indexOf("token=") + 6);
            assertThat(selfRegistration.byPersonalLink(firstToken))
                    .as("the lost link stops working")
                    .isEmpty();
            assertThat(selfRegistration.byPersonalLink(newToken)).isPresent();
        } finally {
            driver.executableQuery(
                            "MATCH (r:VolunteerRegistration {id: $id}) OPTIONAL MATCH (r)-[:ACTS_FROM]->(v:Vindplaats)"
                                    + " DETACH DELETE r, v")
                    .withParameters(Map.of("id", first.registration().id()))
                    .execute();
        }
    }
}

package nl.nabij.brp;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the BRP API Personen ({@code POST /personen}) the questions Nabij needs, each for only the fields it reads
 * (data minimisation; docs/how-to/connect-brp.md lists them). Every failure is a {@link BrpException}.
 */
class BrpClient {

    /** What Nabij reads of a person asked for by BSN: identity, name, birth, death, address and family links. */
    static final List<String> PERSON_FIELDS = List.of(
            "burgerservicenummer",
            "naam.voornamen",
            "naam.voorvoegsel",
            "naam.geslachtsnaam",
            "geboorte.datum",
            "overlijden.datum",
            "gemeenteVanInschrijving",
            "verblijfplaats.adresseerbaarObjectIdentificatie",
            "verblijfplaats.verblijfadres.postcode",
            "verblijfplaats.verblijfadres.huisnummer",
            "verblijfplaats.verblijfadres.huisletter",
            "verblijfplaats.verblijfadres.huisnummertoevoeging",
            "ouders.burgerservicenummer",
            "kinderen.burgerservicenummer",
            "partners.burgerservicenummer",
            "gezag");

    /** What Nabij reads of the people at an address: identity, name, birth, and who has authority over minors. */
    static final List<String> HOUSEMATE_FIELDS = List.of(
            "burgerservicenummer",
            "naam.voornamen",
            "naam.voorvoegsel",
            "naam.geslachtsnaam",
            "geboorte.datum",
            "leeftijd",
            "gezag");

    /** The most BSNs one RaadpleegMetBurgerservicenummer may ask for. */
    static final int MOST_PER_QUESTION = 20;

    private static final MediaType JSON_UTF8 = MediaType.parseMediaType("application/json; charset=utf-8");

    private final RestClient rest;
    private final JsonMapper json = JsonMapper.builder().build();

    BrpClient(RestClient rest) {
        this.rest = rest;
    }

    /** The persons with these BSNs (at most {@link #MOST_PER_QUESTION}); deceased persons are answered too. */
    List<Personen.Persoon> byBsn(List<String> bsns) {
        if (bsns.isEmpty()) {
            return List.of();
        }
        if (bsns.size() > MOST_PER_QUESTION) {
            throw new IllegalArgumentException("at most " + MOST_PER_QUESTION + " BSNs per question");
        }
        Map<String, Object> query = question("RaadpleegMetBurgerservicenummer", PERSON_FIELDS);
        query.put("burgerservicenummer", bsns);
        return ask(query);
    }

    /** The living persons registered at an addressable object (BAG id), with who has authority over the minors. */
    List<Personen.Persoon> atAddressableObject(String adresseerbaarObjectIdentificatie) {
        Map<String, Object> query = question("ZoekMetAdresseerbaarObjectIdentificatie", HOUSEMATE_FIELDS);
        query.put("adresseerbaarObjectIdentificatie", adresseerbaarObjectIdentificatie);
        return ask(query);
    }

    /** The living persons registered at a postcode and house number, for an address Nabij knows without a BAG id. */
    List<Personen.Persoon> atPostcode(String postcode, int houseNumber) {
        Map<String, Object> query = question("ZoekMetPostcodeEnHuisnummer", List.of("burgerservicenummer"));
        query.put("postcode", postcode);
        query.put("huisnummer", houseNumber);
        return ask(query);
    }

    private static Map<String, Object> question(String type, List<String> fields) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("type", type);
        query.put("fields", fields);
        return query;
    }

    private List<Personen.Persoon> ask(Map<String, Object> query) {
        try {
            Personen.Answer answer = rest.post()
                    .uri("/personen")
                    .contentType(JSON_UTF8)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .body(query)
                    .retrieve()
                    .onStatus(HttpStatusCode::isError, (request, response) -> {
                        throw failure(response);
                    })
                    .body(Personen.Answer.class);
            if (answer == null) {
                throw new BrpException(BrpException.Kind.UNAVAILABLE, "the BRP answered without a body", null, null);
            }
            return answer.persons();
        } catch (ResourceAccessException e) {
            throw unreachable("the BRP", e);
        } catch (OAuth2AuthorizationException e) {
            // The token endpoint failed before the BRP was asked: unreachable, or it refused Nabij's credentials.
            Throwable cause = e.getCause();
            while (cause != null && !(cause instanceof ResourceAccessException)) {
                cause = cause.getCause();
            }
            if (cause != null) {
                throw unreachable("the token endpoint", (ResourceAccessException) cause);
            }
            throw new BrpException(
                    BrpException.Kind.REFUSED,
                    "the token endpoint refused Nabij's client credentials: "
                            + e.getError().getErrorCode(),
                    null,
                    e);
        } catch (RestClientException e) {
            throw new BrpException(BrpException.Kind.UNAVAILABLE, "the BRP answered what Nabij cannot read", null, e);
        }
    }

    private static BrpException unreachable(String what, ResourceAccessException e) {
        boolean timedOut = e.getCause() instanceof HttpTimeoutException;
        return new BrpException(
                timedOut ? BrpException.Kind.TIMEOUT : BrpException.Kind.UNAVAILABLE,
                timedOut ? what + " did not answer in time" : what + " could not be reached",
                null,
                e);
    }

    /** An error answer: a Foutbericht when it holds one; 5xx means the BRP is unavailable, 4xx that it refused. */
    private BrpException failure(ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        Personen.Foutbericht problem = null;
        try {
            problem = json.readValue(response.getBody(), Personen.Foutbericht.class);
        } catch (RuntimeException unreadable) {
            // An error answer without problem details still fails by its status.
        }
        BrpException.Kind kind = status >= 500 ? BrpException.Kind.UNAVAILABLE : BrpException.Kind.REFUSED;
        String message = "the BRP answered " + status
                + (problem == null ? "" : " (" + problem.code() + ": " + problem.title() + ")");
        return new BrpException(kind, message, problem, null);
    }
}

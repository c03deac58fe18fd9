package nl.nabij.brp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stub BRP API Personen on a JDK HTTP server: {@code POST /token} hands out a client-credentials token and
 * {@code POST /personen} answers from the recorded responses in {@code brp/recorded}, each person asked by BSN from
 * the file set for their BSN, each address from the file set for it; what nobody set answers with no persons. A BSN
 * can be set to fail instead: with a recorded Foutbericht, too slowly (a timeout), or by hanging up (an outage). It
 * keeps every request and answer, so a test can check them against the contract.
 */
final class StubBrp implements AutoCloseable {

    static final String TOKEN = "stub-brp-token";
    static final String CLIENT_ID = "nabij";
    static final String CLIENT_SECRET = "stub-brp-secret";

    /** How the stub fails for a BSN. */
    sealed interface Failure {
        record Problem(int status, String file) implements Failure {}

        record Slow(Duration delay) implements Failure {}

        record HangUp() implements Failure {}
    }

    /** One exchange on {@code /personen}. */
    record Exchange(JsonNode request, int status, JsonNode answer) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<String, JsonNode> persons = new ConcurrentHashMap<>();
    private final Map<String, String> addresses = new ConcurrentHashMap<>();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();

    StubBrp() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/token", this::token);
        server.createContext("/personen", this::personen);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers a RaadpleegMetBurgerservicenummer for the persons in this recorded response with them. */
    StubBrp persons(String file) {
        for (JsonNode person : recorded(file).path("personen")) {
            persons.put(person.path("burgerservicenummer").asString(), person);
            failures.remove(person.path("burgerservicenummer").asString());
        }
        return this;
    }

    /** Answers a search at an address (BAG id, or postcode and house number as {@code 1311ZA-7}) with this file. */
    StubBrp at(String address, String file) {
        addresses.put(address, file);
        return this;
    }

    /** Fails every question that asks for this BSN. */
    StubBrp failFor(String bsn, Failure failure) {
        failures.put(bsn, failure);
        return this;
    }

    void reset() {
        persons.clear();
        addresses.clear();
        failures.clear();
        exchanges.clear();
        tokenRequests.clear();
    }

    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    List<String> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    static JsonNode recorded(String file) {
        try (InputStream in = StubBrp.class.getResourceAsStream("/brp/recorded/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded answer " + file);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        tokenRequests.add(form);
        String basic = "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!form.contains("grant_type=client_credentials")
                || !basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        send(
                exchange,
                200,
                "application/json",
                "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    }

    private void personen(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, request, 401, recorded("foutbericht-401.json"));
            return;
        }
        List<String> asked = new ArrayList<>();
        request.path("burgerservicenummer").forEach(bsn -> asked.add(bsn.asString()));
        for (String bsn : asked) {
            Failure failure = failures.get(bsn);
            if (failure instanceof Failure.Problem problem) {
                answer(exchange, request, problem.status(), recorded(problem.file()));
                return;
            }
            if (failure instanceof Failure.Slow slow) {
                try {
                    Thread.sleep(slow.delay());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchanges.add(new Exchange(request, 0, null));
                exchange.close();
                return;
            }
            if (failure instanceof Failure.HangUp) {
                exchanges.add(new Exchange(request, 0, null));
                exchange.close();
                return;
            }
        }
        String type = request.path("type").asString();
        String address =
                switch (type) {
                    case "ZoekMetAdresseerbaarObjectIdentificatie" -> request.path("adresseerbaarObjectIdentificatie")
                            .asString();
                    case "ZoekMetPostcodeEnHuisnummer" -> request.path("postcode")
                                    .asString() + "-"
                            + request.path("huisnummer").asInt();
                    default -> null;
                };
        if (address != null && addresses.containsKey(address)) {
            answer(exchange, request, 200, recorded(addresses.get(address)));
            return;
        }
        ObjectNode answer = JSON.createObjectNode().put("type", type);
        ArrayNode found = answer.putArray("personen");
        asked.stream().filter(persons::containsKey).map(persons::get).forEach(found::add);
        answer(exchange, request, 200, answer);
    }

    private void answer(HttpExchange exchange, JsonNode request, int status, JsonNode body) throws IOException {
        exchanges.add(new Exchange(request, status, body));
        send(
                exchange,
                status,
                status >= 400 ? "application/problem+json" : "application/json; charset=utf-8",
                JSON.writeValueAsString(body));
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

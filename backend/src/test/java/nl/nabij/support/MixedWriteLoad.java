package nl.nabij.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import nl.nabij.security.NabijUser;
import nl.nabij.security.Role;
import nl.nabij.seed.SeedData;
import org.neo4j.driver.Driver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every kind of write the API offers, at once, each from a client of its own, over HTTP against the running
 * application: registering and ending involvements, recording collaboration, plan goals, consents granted and
 * withdrawn, volunteers signing up with a place of their own, vindplaatsen, organisations and accounts. It works on a
 * household of its own and on names of its own, and {@link #removeWhatItWrote} takes all of that away again, so the
 * suites that share the application see the demo data as it was. Every answer with an error, masked or typed, is kept.
 */
public final class MixedWriteLoad implements AutoCloseable {

    private static final SeedData SEED = SeedData.fromClasspath();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PREFIX = "Belasting ";
    private static final String PASSWORD = "belasting-wachtwoord-2026";

    private final int port;
    private final Driver driver;
    private final String household = UUID.randomUUID().toString();
    private final List<NabijUser> involved = threeStrangers();
    private final Map<String, HttpClient> clientsByAddress = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, AtomicInteger> written = new ConcurrentHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> clients = new ArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    /** Names this load gives are unique to it, so loads on one store (one per crash cycle) never share one. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private final Map<Acknowledged, List<String>> acknowledged = new ConcurrentHashMap<>();

    private MixedWriteLoad(int port, Driver driver) {
        this.port = port;
        this.driver = driver;
    }

    /** Prepares the household and starts one client per kind of write. */
    public static MixedWriteLoad start(int port, Driver driver) {
        MixedWriteLoad load = new MixedWriteLoad(port, driver);
        load.prepare();
        Map<String, Runnable> writes = new LinkedHashMap<>();
        writes.put("registerInvolvement+endInvolvement", load::registerAndEnd);
        writes.put("recordCollaboration", load::recordCollaboration);
        writes.put("addPlanGoal", load::addPlanGoal);
        writes.put("grantConsent+withdrawConsent", load::grantAndWithdrawConsent);
        writes.put("registerAsVolunteer", load::registerAsVolunteer);
        writes.put("createVindplaats", load::createVindplaats);
        writes.put("createOrganisation", load::createOrganisation);
        writes.put("createAccount", load::createAccount);
        // Each kind once on its own first: the first use of a statement is planned, which on a busy machine can take
        // seconds, and eight cold writers at once could then run past the request timeout.
        writes.forEach(load::writeOnce);
        writes.forEach((name, write) -> {
            Thread client = Thread.ofPlatform().name("load-" + name).start(() -> {
                while (load.running.get()) {
                    load.writeOnce(name, write);
                }
            });
            load.clients.add(client);
        });
        return load;
    }

    private void writeOnce(String name, Runnable write) {
        try {
            write.run();
            written.computeIfAbsent(name, key -> new AtomicInteger()).incrementAndGet();
        } catch (RuntimeException failed) {
            failures.add(name + ": " + failed.getMessage());
        }
    }

    /** How many writes of each kind were answered without an error so far. */
    public Map<String, Integer> written() {
        return written.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
    }

    /** Every answer that carried an error. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** Stops the clients after their current write. */
    public void stop() throws InterruptedException {
        running.set(false);
        for (Thread client : clients) {
            client.join(Duration.ofSeconds(90));
        }
        clientsByAddress.values().forEach(HttpClient::close);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        removeWhatItWrote();
    }

    private void prepare() {
        driver.executableQuery(
                        """
                        MATCH (n:Neighbourhood {code: $neighbourhood})
                        CREATE (h:Household {id: $household, postcode: '9999ZY', houseNumber: 7})-[:LOCATED_IN]->(n)
                        CREATE (:Resident {id: randomUUID(), pseudonym: 'load-' + $household, displayName: 'Belasting',
                                birthYear: 1980})-[:MEMBER_OF {role: 'ADULT'}]->(h)
                        WITH h
                        UNWIND $professionals AS id
                        MATCH (p:Professional {id: id})-[:EMPLOYED_BY]->(o:Organisation)
                        CREATE (p)-[:REGISTERED]->(i:Involvement {id: randomUUID(), domain: 'WMO', status: 'ACTIVE',
                                since: date() - duration('P10D')})-[:CONCERNS]->(h)
                        CREATE (i)-[:ON_BEHALF_OF]->(o)
                        """)
                .withParameters(Map.of(
                        "neighbourhood", SEED.caseHousehold().neighbourhoodCode(),
                        "household", household,
                        "professionals",
                                involved.stream().map(NabijUser::professionalId).toList()))
                .execute();
    }

    /** Removes the household and everything the load wrote; the audit events stay, as they always do. */
    public void removeWhatItWrote() {
        driver.executableQuery(
                        """
                        MATCH (h:Household {id: $household})
                        OPTIONAL MATCH (h)<-[:MEMBER_OF*0..1]-()<-[:CONCERNS]-(i:Involvement)
                        OPTIONAL MATCH (h)<-[:FOR]-(plan:Plan)
                        OPTIONAL MATCH (plan)<-[:PART_OF]-(g:Goal)
                        OPTIONAL MATCH (m:Match {householdId: h.id})
                        OPTIONAL MATCH (n:Notification {householdId: h.id})
                        OPTIONAL MATCH (h)<-[:MEMBER_OF]-(r:Resident)
                        DETACH DELETE i, g, plan, n, m, r, h
                        """)
                .withParameters(Map.of("household", household))
                .execute();
        driver.executableQuery(
                        "MATCH (a:Professional)-[c:COLLABORATES_WITH]-(b:Professional) WHERE a.id IN $ids AND b.id IN $ids"
                                + " DELETE c")
                .withParameters(Map.of(
                        "ids", involved.stream().map(NabijUser::professionalId).toList()))
                .execute();
        driver.executableQuery(
                        """
                        OPTIONAL MATCH (c:Consent) WHERE c.purpose STARTS WITH $prefix
                        DETACH DELETE c
                        WITH count(*) AS done
                        OPTIONAL MATCH (v:Vindplaats) WHERE v.name STARTS WITH $prefix
                        DETACH DELETE v
                        WITH count(*) AS done
                        OPTIONAL MATCH (r:VolunteerRegistration) WHERE r.name STARTS WITH $prefix
                        DETACH DELETE r
                        WITH count(*) AS done
                        OPTIONAL MATCH (o:Organisation) WHERE o.name STARTS WITH $prefix
                        DETACH DELETE o
                        WITH count(*) AS done
                        OPTIONAL MATCH (a:Account) WHERE a.username STARTS WITH 'belasting.'
                        DETACH DELETE a
                        """)
                .withParameters(Map.of("prefix", PREFIX))
                .execute();
    }

    private void registerAndEnd() {
        List<String> domains = List.of("YOUTH", "PARTICIPATION", "ZVW");
        JsonNode registered = call(
                involved.get(0),
                "registerInvolvement",
                "mutation($input: RegisterInvolvementInput!) { registerInvolvement(input: $input) {"
                        + " involvement { id } errors { field code } } }",
                Map.of(
                        "householdId",
                        household,
                        "domain",
                        domains.get(next() % domains.size()),
                        "since",
                        LocalDate.now().toString()));
        String involvement = registered.path("involvement").path("id").asString();
        acknowledge(Acknowledged.INVOLVEMENT, involvement);
        call(
                involved.get(0),
                "endInvolvement",
                "mutation($input: EndInvolvementInput!) { endInvolvement(input: $input) {"
                        + " involvement { id } errors { field code } } }",
                Map.of("involvementId", involvement, "until", LocalDate.now().toString(), "reason", "GOAL_REACHED"));
        acknowledge(Acknowledged.ENDED_INVOLVEMENT, involvement);
    }

    private void recordCollaboration() {
        int n = next();
        NabijUser recording = involved.get(n % 2);
        call(
                recording,
                "recordCollaboration",
                "mutation($input: RecordCollaborationInput!) { recordCollaboration(input: $input) {"
                        + " with { id } errors { field code } } }",
                Map.of(
                        "householdId", household,
                        "withProfessionalId", involved.get(2).professionalId(),
                        "kind",
                                List.of("CASE_MEETING", "PHONE_CALL", "JOINT_VISIT")
                                        .get(n % 3),
                        "on", LocalDate.now().toString()));
    }

    private void addPlanGoal() {
        String title = name("doel");
        call(
                involved.get(1),
                "addPlanGoal",
                "mutation($input: AddPlanGoalInput!) { addPlanGoal(input: $input) { goal { id } errors { field code } } }",
                Map.of(
                        "householdId",
                        household,
                        "title",
                        title,
                        "ownerId",
                        involved.get(2).professionalId()));
        acknowledge(Acknowledged.PLAN_GOAL, title);
    }

    private void grantAndWithdrawConsent() {
        NabijUser resident = TestUsers.demo(Role.RESIDENT);
        String purpose = name("toestemming");
        JsonNode granted = call(
                resident,
                "grantConsent",
                "mutation($input: GrantConsentInput!) { grantConsent(input: $input) {"
                        + " consent { id } errors { field code } } }",
                Map.of(
                        "professionalId", TestUsers.demo(Role.PROFESSIONAL).professionalId(),
                        "purpose", purpose,
                        "until", LocalDate.now().plusDays(30).toString()));
        acknowledge(Acknowledged.CONSENT, purpose);
        call(
                resident,
                "withdrawConsent",
                "mutation($input: WithdrawConsentInput!) { withdrawConsent(input: $input) {"
                        + " consent { id } errors { field code } } }",
                Map.of("consentId", granted.path("consent").path("id").asString()));
        acknowledge(Acknowledged.WITHDRAWN_CONSENT, purpose);
    }

    /** Anonymously, each from an address of its own: the rate limit allows five registrations per address an hour. */
    private void registerAsVolunteer() {
        int n = next();
        String place = name("plek");
        Map<String, Object> input = new HashMap<>();
        input.put("name", PREFIX + "Vrijwilliger");
        input.put("phone", "020-1234567");
        input.put("postcode", "1311 HV");
        input.put("proposedPlace", Map.of("name", place, "category", "TRUSTED_PERSON"));
        input.put("offers", List.of("LISTENING_EAR"));
        input.put("consentToBeContacted", true);
        String address = "127.0.%d.%d".formatted(10 + n / 250, 1 + n % 250);
        call(
                null,
                address,
                "/public/graphql",
                "registerAsVolunteer",
                "mutation($input: RegisterAsVolunteerInput!) { registerAsVolunteer(input: $input) {"
                        + " registration { id } errors { field code } } }",
                input);
        acknowledge(Acknowledged.VOLUNTEER, place);
    }

    private void createVindplaats() {
        String name = name("vindplaats");
        call(
                TestUsers.demo(Role.ADMINISTRATOR),
                "createVindplaats",
                "mutation($input: CreateVindplaatsInput!) { createVindplaats(input: $input) {"
                        + " vindplaats { id } errors { field code } } }",
                Map.of(
                        "name",
                        name,
                        "category",
                        "COMMUNITY_CENTRE",
                        "neighbourhoodCode",
                        SEED.caseHousehold().neighbourhoodCode()));
        acknowledge(Acknowledged.VINDPLAATS, name);
    }

    private void createOrganisation() {
        String name = name("organisatie");
        call(
                TestUsers.demo(Role.ADMINISTRATOR),
                "createOrganisation",
                "mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) {"
                        + " organisation { id } errors { field code } } }",
                Map.of("name", name, "kind", "WELFARE", "careLine", "FIRST"));
        acknowledge(Acknowledged.ORGANISATION, name);
    }

    private void createAccount() {
        String username = "belasting." + run + "." + next();
        call(
                TestUsers.demo(Role.ADMINISTRATOR),
                "createAccount",
                "mutation($input: CreateAccountInput!) { createAccount(input: $input) {"
                        + " account { username } errors { field code } } }",
                Map.of("username", username, "password", PASSWORD, "role", "ANALYST"));
        acknowledge(Acknowledged.ACCOUNT, username);
    }

    /** A client that connects from the given loopback address, which is the address the application sees. */
    private HttpClient http(String address) {
        return clientsByAddress.computeIfAbsent(address, from -> {
            try {
                return HttpClient.newBuilder()
                        .localAddress(InetAddress.getByName(from))
                        .connectTimeout(Duration.ofSeconds(10))
                        .build();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(e);
            }
        });
    }

    private String name(String what) {
        return PREFIX + what + " " + run + " " + next();
    }

    private void acknowledge(Acknowledged kind, String key) {
        acknowledged
                .computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>()))
                .add(key);
    }

    /** How many writes were acknowledged so far, of every kind together. */
    public int acknowledgedCount() {
        return acknowledged.values().stream().mapToInt(List::size).sum();
    }

    /** What the store holds of the acknowledged writes: each should be there exactly once. */
    public record Verdict(int acknowledged, List<String> lost, List<String> duplicated) {}

    /** Checks every write this load had answered without an error against the store the driver reaches. */
    public Verdict verifyAcknowledged(Driver store) {
        List<String> lost = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        int total = 0;
        for (Acknowledged kind : Acknowledged.values()) {
            List<String> keys = List.copyOf(acknowledged.getOrDefault(kind, List.of()));
            total += keys.size();
            for (var record : store.executableQuery(kind.count)
                    .withParameters(Map.of("keys", keys))
                    .execute()
                    .records()) {
                long found = record.get("found").asLong();
                if (found != 1) {
                    (found == 0 ? lost : duplicated)
                            .add(kind + " " + record.get("key").asString() + " ×" + found);
                }
            }
        }
        return new Verdict(total, lost, duplicated);
    }

    /** A kind of acknowledged write, and how to count what the store holds of one; each should be there once. */
    private enum Acknowledged {
        INVOLVEMENT("OPTIONAL MATCH (x:Involvement {id: key})"),
        ENDED_INVOLVEMENT("OPTIONAL MATCH (x:Involvement {id: key}) WHERE x.status = 'ENDED'"),
        COLLABORATION("OPTIONAL MATCH (:Professional {id: split(key, ' ')[0]})-[x:COLLABORATES_WITH]-"
                + "(:Professional {id: split(key, ' ')[1]})"),
        PLAN_GOAL("OPTIONAL MATCH (x:Goal {title: key})"),
        CONSENT("OPTIONAL MATCH (x:Consent {purpose: key})"),
        WITHDRAWN_CONSENT("OPTIONAL MATCH (x:Consent {purpose: key}) WHERE x.withdrawnAt IS NOT NULL"),
        VOLUNTEER("OPTIONAL MATCH (:VolunteerRegistration)-[:ACTS_FROM]->(x:Vindplaats {name: key})"),
        VINDPLAATS("OPTIONAL MATCH (x:Vindplaats {name: key})"),
        ORGANISATION("OPTIONAL MATCH (x:Organisation {name: key})"),
        ACCOUNT("OPTIONAL MATCH (x:Account {username: key})");

        private final String count;

        Acknowledged(String match) {
            this.count = "UNWIND $keys AS key " + match + " RETURN key, count(x) AS found";
        }
    }

    private int next() {
        return sequence.incrementAndGet();
    }

    private JsonNode call(NabijUser user, String field, String document, Map<String, Object> input) {
        return call(user, "127.0.0.1", "/graphql", field, document, input);
    }

    /** Sends one mutation; returns its payload, or throws with the error it carried. */
    private JsonNode call(
            NabijUser user, String address, String path, String field, String document, Map<String, Object> input) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("query", document, "variables", Map.of("input", input)))));
        if (user != null) {
            request.header("Authorization", TestUsers.bearer(user));
        }
        try {
            HttpResponse<String> response = http(address).send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            JsonNode payload = body.path("data").path(field);
            if (response.statusCode() != 200
                    || body.has("errors")
                    || !payload.path("errors").isEmpty()) {
                throw new IllegalStateException(field + " answered " + response.statusCode() + ": " + response.body());
            }
            return payload;
        } catch (IOException e) {
            throw new IllegalStateException(field + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(field + " interrupted", e);
        }
    }

    /** Three professionals of three organisations, no two of whom the demo data has working together. */
    private static List<NabijUser> threeStrangers() {
        Set<Set<String>> linked = SEED.collaborations().stream()
                .map(c -> Set.of(c.professionalA(), c.professionalB()))
                .collect(Collectors.toSet());
        Set<String> organisations = new HashSet<>();
        List<NabijUser> chosen = new ArrayList<>();
        for (SeedData.Professional p : SEED.professionals()) {
            if (chosen.size() < 3
                    && organisations.add(p.organisationId())
                    && chosen.stream().noneMatch(c -> linked.contains(Set.of(c.professionalId(), p.id())))) {
                chosen.add(new NabijUser("p-" + p.id(), Role.PROFESSIONAL, p.id(), null, p.organisationId()));
            }
        }
        return chosen;
    }
}

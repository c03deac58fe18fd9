package nl.nabij.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * What the API benchmarks ask about, read from the loaded city over Bolt before the clients start: a team lead of
 * the first district and the households they may see, the areas to search, and registrations that each create a new
 * involvement (a professional, a household they help and a domain they are not yet registered for there). The
 * registrations use households a professional helps as a whole: registering by household id is refused to a
 * professional whose involvement is with one member only (the registry's scope check reads its own target as the
 * helped node), which docs/explanation/scale.md lists among the findings.
 */
record CityFixture(
        String teamLeadId,
        String teamLeadOrganisationId,
        List<String> teamHouseholdIds,
        String neighbourhoodCode,
        String districtCode,
        String municipalityCode,
        String municipalOrganisationId,
        List<Registration> registrations) {

    /** Every domain an involvement can be registered under. */
    static final List<String> DOMAINS =
            List.of("WMO", "YOUTH", "PARTICIPATION", "ZVW", "WLZ", "DEBT", "EDUCATION", "SAFETY");

    /** The username and password of the built-in account {@link #createBasicAccount} makes for the team lead. */
    static final String BASIC_USERNAME = "bench-teamlead";

    static final String BASIC_PASSWORD = "bench-teamlead-password";

    record Registration(String professionalId, String organisationId, String householdId, String domain) {}

    static CityFixture read(Driver driver, int registrationsWanted) {
        try (Session session = driver.session()) {
            Record lead = session.executeRead(tx -> tx.run(
                            """
                            MATCH (t:Team)-[:SERVES]->(n:Neighbourhood)-[:PART_OF]->(d:District)-[:PART_OF]->(m:Municipality)
                            WITH t, d, m, min(n.code) AS firstNeighbourhood
                            ORDER BY firstNeighbourhood LIMIT 1
                            MATCH (p:Professional)-[:SECONDED_TO]->(t)
                            MATCH (p)-[:EMPLOYED_BY]->(o:Organisation)
                            MATCH (municipal:Organisation {kind: 'MUNICIPALITY'})<-[:EMPLOYED_BY]-(:Professional)
                                  -[:SECONDED_TO]->(t)
                            RETURN t.id AS team, p.id AS professional, o.id AS organisation, d.code AS district,
                                   m.code AS municipality, firstNeighbourhood, municipal.id AS municipal
                            ORDER BY p.name, p.id LIMIT 1""")
                    .single());
            List<String> households = session.executeRead(tx -> tx.run(
                            """
                            MATCH (:Team {id: $team})-[:SERVES]->(:Neighbourhood)<-[:LOCATED_IN]-(h:Household)
                            RETURN h.id AS id ORDER BY id""",
                            Map.of("team", lead.get("team").asString()))
                    .list(record -> record.get("id").asString()));
            List<Registration> registrations = session
                    .executeRead(tx -> tx.run(
                                    """
                            MATCH (p:Professional)-[:REGISTERED]->(:Involvement {status: 'ACTIVE'})
                                  -[:CONCERNS]->(h:Household)
                            WITH DISTINCT p, h
                            LIMIT $pairs
                            MATCH (p)-[:EMPLOYED_BY]->(o:Organisation)
                            RETURN p.id AS professional, o.id AS organisation, h.id AS household,
                                   COLLECT { MATCH (p)-[:REGISTERED]->(own:Involvement {status: 'ACTIVE'})
                                                   -[:CONCERNS]->(h) RETURN own.domain } AS taken""",
                                    Map.of("pairs", registrationsWanted))
                            .list(CityFixture::registrationsOf))
                    .stream()
                    .flatMap(List::stream)
                    .collect(ArrayList::new, ArrayList::add, ArrayList::addAll);
            // Spread each professional's registrations over the run: a registration locks its professional.
            Collections.shuffle(registrations, new Random(34));
            return new CityFixture(
                    lead.get("professional").asString(),
                    lead.get("organisation").asString(),
                    households,
                    lead.get("firstNeighbourhood").asString(),
                    lead.get("district").asString(),
                    lead.get("municipality").asString(),
                    lead.get("municipal").asString(),
                    List.copyOf(registrations.subList(0, Math.min(registrations.size(), registrationsWanted))));
        }
    }

    private static List<Registration> registrationsOf(Record record) {
        Set<String> taken = Set.copyOf(record.get("taken").asList(value -> value.asString()));
        List<Registration> registrations = new ArrayList<>();
        for (String domain : DOMAINS) {
            if (!taken.contains(domain)) {
                registrations.add(new Registration(
                        record.get("professional").asString(),
                        record.get("organisation").asString(),
                        record.get("household").asString(),
                        domain));
            }
        }
        return registrations;
    }

    /** A built-in account for the team lead, with its Argon2id hash, for the HTTP Basic comparison. */
    void createBasicAccount(Driver driver) {
        String hash = "{argon2@SpringSecurity_v5_8}"
                + Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(BASIC_PASSWORD);
        try (Session session = driver.session()) {
            session.executeWrite(tx -> tx.run(
                            """
                            MATCH (p:Professional {id: $professional})
                            MERGE (a:Account {username: $username})
                            SET a.role = 'TEAM_LEAD', a.passwordHash = $hash, a.enabled = true
                            MERGE (a)-[:ACTS_AS]->(p)""",
                            Map.of("professional", teamLeadId, "username", BASIC_USERNAME, "hash", hash))
                    .consume());
        }
    }
}

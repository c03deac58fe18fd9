package nl.nabij.regie;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.nabij.database.GraphQueries;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The rules that flag a household needing regie, evaluated for a batch of households in one statement:
 * <ul>
 *   <li>NO_COORDINATOR: {@code nabij.regie.organisations} or more organisations are actively involved and nobody has
 *       coordinated for {@code nabij.regie.days-to-coordinator} days since the last of them arrived;
 *   <li>COORDINATOR_NOT_INVOLVED: the coordinator's own involvement has ended;
 *   <li>REDUNDANT_CARE: two organisations of the same kind help the household at the same time.
 * </ul>
 * The day comes in as an argument, so the rules can be asked for any day.
 */
@Component
@EnableConfigurationProperties(RegieProperties.class)
public class RegieRules {

    private static final String FACTS =
            """
            UNWIND $keys AS key
            MATCH (h:Household {id: key})
            CALL (h) {
              OPTIONAL MATCH (h)<-[:MEMBER_OF*0..1]-()<-[:CONCERNS]-(i:Involvement {status: 'ACTIVE'})
                             -[:ON_BEHALF_OF]->(o:Organisation)
              WITH o, min(i.since) AS arrived WHERE o IS NOT NULL
              WITH o, arrived ORDER BY arrived, o.name
              RETURN collect({name: o.name, kind: o.kind, arrived: arrived}) AS organisations
            }
            OPTIONAL MATCH (c:Professional)-[:COORDINATES]->(h)
            RETURN key, {organisations: organisations, coordinator: c.name,
                         coordinatorInvolved: c IS NOT NULL AND EXISTS { MATCH (:Professional {id: c.id})-[:REGISTERED]->(:Involvement {status: 'ACTIVE'})
                                           -[:CONCERNS]->(t) WHERE t = h OR (t)-[:MEMBER_OF]->(h) }} AS value
            """;

    private final GraphQueries queries;
    private final RegieProperties properties;

    RegieRules(GraphQueries queries, RegieProperties properties) {
        this.queries = queries;
        this.properties = properties;
    }

    private record Arrival(String name, String kind, LocalDate arrived) {}

    private record Facts(List<Arrival> organisations, String coordinator, boolean coordinatorInvolved) {}

    /** The flags of each household as they stand on {@code day}. */
    public <P> Map<P, List<RegieFlag>> flags(Collection<P> households, Function<P, String> idOf, LocalDate day) {
        Map<P, Facts> facts = queries.one(
                FACTS,
                households,
                idOf,
                value -> new Facts(
                        value.get("organisations")
                                .asList(o -> new Arrival(
                                        o.get("name").asString(),
                                        o.get("kind").asString(),
                                        o.get("arrived").asLocalDate())),
                        value.get("coordinator").asString(null),
                        value.get("coordinatorInvolved").asBoolean()));
        Map<P, List<RegieFlag>> flags = new LinkedHashMap<>();
        households.forEach(household -> flags.put(household, flagsOf(facts.get(household), day)));
        return flags;
    }

    private List<RegieFlag> flagsOf(Facts facts, LocalDate day) {
        List<RegieFlag> flags = new ArrayList<>();
        if (facts == null) {
            return flags;
        }
        int needed = properties.organisations();
        if (facts.coordinator() == null && facts.organisations().size() >= needed) {
            LocalDate due = facts.organisations().get(needed - 1).arrived().plusDays(properties.daysToCoordinator());
            if (day.isAfter(due)) {
                flags.add(new RegieFlag(
                        RegieFlag.Rule.NO_COORDINATOR,
                        due,
                        facts.organisations().size(),
                        properties.daysToCoordinator(),
                        null,
                        null,
                        List.of()));
            }
        }
        if (facts.coordinator() != null && !facts.coordinatorInvolved()) {
            flags.add(new RegieFlag(
                    RegieFlag.Rule.COORDINATOR_NOT_INVOLVED,
                    null,
                    facts.organisations().size(),
                    null,
                    facts.coordinator(),
                    null,
                    List.of()));
        }
        Map<String, List<String>> byKind = facts.organisations().stream()
                .collect(Collectors.groupingBy(
                        Arrival::kind, LinkedHashMap::new, Collectors.mapping(Arrival::name, Collectors.toList())));
        byKind.forEach((kind, names) -> {
            if (names.size() > 1) {
                flags.add(new RegieFlag(
                        RegieFlag.Rule.REDUNDANT_CARE, null, names.size(), null, null, kind, List.copyOf(names)));
            }
        });
        return flags;
    }
}

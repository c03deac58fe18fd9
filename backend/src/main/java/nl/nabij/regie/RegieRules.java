package nl.nabij.regie;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.nabij.regie.RegieQueries.Arrival;
import nl.nabij.regie.RegieQueries.RegieFacts;
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

    private final RegieQueries store;
    private final RegieProperties properties;

    RegieRules(RegieQueries store, RegieProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /** The flags of each household as they stand on {@code day}. */
    public <P> Map<P, List<RegieFlag>> flags(Collection<P> households, Function<P, String> idOf, LocalDate day) {
        Map<P, RegieFacts> facts = store.regieFacts(households, idOf);
        Map<P, List<RegieFlag>> flags = new LinkedHashMap<>();
        households.forEach(household -> flags.put(household, flagsOf(facts.get(household), day)));
        return flags;
    }

    private List<RegieFlag> flagsOf(RegieFacts facts, LocalDate day) {
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

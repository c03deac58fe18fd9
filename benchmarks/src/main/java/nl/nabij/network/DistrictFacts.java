package nl.nabij.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import nl.nabij.seed.SeedData;
import nl.nabij.seed.city.CityGenerator;
import nl.nabij.seed.city.CityRecord;

/**
 * The facts of the first district of a synthetic city, as {@code NetworkQueries} would read them from a loaded
 * database on the city's reference day: the in-process input of the network benchmarks, with no database involved.
 */
final class DistrictFacts {

    private DistrictFacts() {}

    record Area(NetworkScope scope, NetworkFacts facts) {}

    static Area firstDistrict(int residents, long seed) {
        Collector collector = new Collector();
        try {
            new CityGenerator(residents, seed).generate(collector);
        } catch (DistrictComplete complete) {
            // The first district is all the benchmark needs; the generator is stopped at the second one.
        }
        return collector.area(CityGenerator.REFERENCE_DATE);
    }

    /** Stops the generator once the first district has been handed out. */
    private static final class DistrictComplete extends RuntimeException {
        DistrictComplete() {
            super(null, null, false, false);
        }
    }

    private static final class Collector implements Consumer<CityRecord> {

        private String districtCode;
        private String districtName;
        private final List<String> neighbourhoods = new ArrayList<>();
        private final Map<String, CityRecord.Organisation> organisations = new HashMap<>();
        private CityRecord.Team team;
        private final List<CityRecord.Vindplaats> vindplaatsen = new ArrayList<>();
        private final List<CityRecord.Contact> contacts = new ArrayList<>();
        private final Map<String, CityRecord.Professional> professionals = new LinkedHashMap<>();
        private final List<CityRecord.Collaboration> collaborations = new ArrayList<>();
        private final Map<String, String> householdOfResident = new HashMap<>();
        private final List<CityRecord.Involvement> involvements = new ArrayList<>();

        @Override
        public void accept(CityRecord record) {
            if (record instanceof CityRecord.District district && districtCode == null) {
                districtCode = district.code();
                districtName = district.name();
            } else if (record instanceof CityRecord.Neighbourhood neighbourhood
                    && neighbourhood.districtCode().equals(districtCode)) {
                neighbourhoods.add(neighbourhood.code());
            } else if (record instanceof CityRecord.Organisation organisation) {
                organisations.put(organisation.id(), organisation);
            } else if (record instanceof CityRecord.Team next) {
                if (team != null) {
                    throw new DistrictComplete();
                }
                team = next;
            } else if (record instanceof CityRecord.Vindplaats vindplaats) {
                vindplaatsen.add(vindplaats);
            } else if (record instanceof CityRecord.Contact contact) {
                contacts.add(contact);
            } else if (record instanceof CityRecord.Professional professional) {
                professionals.put(professional.id(), professional);
            } else if (record instanceof CityRecord.Collaboration collaboration) {
                collaborations.add(collaboration);
            } else if (record instanceof CityRecord.Household household) {
                household.members().forEach(member -> householdOfResident.put(member.id(), household.id()));
            } else if (record instanceof CityRecord.Involvement involvement) {
                involvements.add(involvement);
            }
        }

        Area area(LocalDate asOf) {
            Set<NetworkFacts.Helping> helping = new LinkedHashSet<>();
            for (CityRecord.Involvement i : involvements) {
                if (!i.since().isAfter(asOf) && (i.until() == null || !i.until().isBefore(asOf))) {
                    helping.add(new NetworkFacts.Helping(i.professionalId(), i.organisationId(), household(i)));
                }
            }
            List<NetworkFacts.Secondment> secondments = professionals.values().stream()
                    .filter(p -> p.teamId() != null)
                    .map(p -> new NetworkFacts.Secondment(p.id(), p.teamId()))
                    .toList();
            Set<String> involved = new LinkedHashSet<>();
            helping.forEach(h -> involved.add(h.professional()));
            secondments.forEach(s -> involved.add(s.professional()));
            List<NetworkFacts.Pair> pairs = collaborations.stream()
                    .filter(c -> involved.contains(c.professionalA()) && involved.contains(c.professionalB()))
                    .map(c -> new NetworkFacts.Pair(c.professionalA(), c.professionalB()))
                    .toList();
            List<NetworkFacts.Referral> referrals = referrals(asOf);
            Set<String> organisationIds = new LinkedHashSet<>();
            helping.forEach(h -> organisationIds.add(h.organisation()));
            involved.forEach(id -> organisationIds.add(professionals.get(id).organisationId()));
            referrals.forEach(r -> {
                organisationIds.add(r.from());
                organisationIds.add(r.to());
            });
            NetworkFacts facts = new NetworkFacts(
                    List.of(new NetworkFacts.Team(team.id(), team.name())),
                    neighbourhoods.stream()
                            .map(code -> new NetworkFacts.Serving(team.id(), code))
                            .toList(),
                    involved.stream()
                            .map(professionals::get)
                            .map(p -> new NetworkFacts.Professional(
                                    p.id(), p.name(), p.discipline().name(), p.organisationId()))
                            .toList(),
                    organisationIds.stream()
                            .map(organisations::get)
                            .map(o -> new NetworkFacts.Organisation(
                                    o.id(), o.name(), o.kind().name()))
                            .toList(),
                    vindplaatsen.stream()
                            .map(v -> new NetworkFacts.Vindplaats(
                                    v.id(),
                                    v.name(),
                                    v.kind().name(),
                                    v.category().name(),
                                    v.neighbourhoodCode()))
                            .toList(),
                    List.copyOf(helping),
                    secondments,
                    pairs,
                    contacts.stream()
                            .map(c -> new NetworkFacts.Contact(c.teamId(), c.vindplaatsId()))
                            .toList(),
                    referrals);
            return new Area(new NetworkScope(districtCode, districtName, List.copyOf(neighbourhoods), asOf), facts);
        }

        private String household(CityRecord.Involvement involvement) {
            return involvement.householdId() != null
                    ? involvement.householdId()
                    : householdOfResident.get(involvement.residentId());
        }

        private List<NetworkFacts.Referral> referrals(LocalDate asOf) {
            List<NetworkFacts.Referral> referrals = new ArrayList<>();
            for (CityRecord.Involvement before : involvements) {
                if (before.endReason() != SeedData.EndReason.REFERRED
                        || before.until().isAfter(asOf)) {
                    continue;
                }
                for (CityRecord.Involvement after : involvements) {
                    if (!after.organisationId().equals(before.organisationId())
                            && Objects.equals(after.householdId(), before.householdId())
                            && Objects.equals(after.residentId(), before.residentId())
                            && !after.since().isBefore(before.until())
                            && !after.since().isAfter(asOf)) {
                        referrals.add(new NetworkFacts.Referral(before.organisationId(), after.organisationId()));
                    }
                }
            }
            return referrals;
        }
    }
}

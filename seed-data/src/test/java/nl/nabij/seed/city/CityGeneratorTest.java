package nl.nabij.seed.city;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nl.nabij.seed.SeedData.EndReason;
import nl.nabij.seed.SeedData.InvolvementStatus;
import nl.nabij.seed.city.CityRecord.Application;
import nl.nabij.seed.city.CityRecord.Collaboration;
import nl.nabij.seed.city.CityRecord.Contact;
import nl.nabij.seed.city.CityRecord.Coordinator;
import nl.nabij.seed.city.CityRecord.District;
import nl.nabij.seed.city.CityRecord.Household;
import nl.nabij.seed.city.CityRecord.Involvement;
import nl.nabij.seed.city.CityRecord.Municipality;
import nl.nabij.seed.city.CityRecord.Neighbourhood;
import nl.nabij.seed.city.CityRecord.Organisation;
import nl.nabij.seed.city.CityRecord.Professional;
import nl.nabij.seed.city.CityRecord.Resident;
import nl.nabij.seed.city.CityRecord.Team;
import nl.nabij.seed.city.CityRecord.Vindplaats;
import org.junit.jupiter.api.Test;

class CityGeneratorTest {

    @Test
    void theSameSeedAndSizeGiveTheSameCity() {
        List<CityRecord> first = firstRecords(new CityGenerator(20_000, 7), 2_000);
        List<CityRecord> second = firstRecords(new CityGenerator(20_000, 7), 2_000);

        assertThat(second).isEqualTo(first);
        assertThat(CityLoader.dryRun(new CityGenerator(20_000, 7), nowhere()))
                .isEqualTo(CityLoader.dryRun(new CityGenerator(20_000, 7), nowhere()));
        assertThat(firstRecords(new CityGenerator(20_000, 8), 2_000)).isNotEqualTo(first);
    }

    @Test
    void aCityHasExactlyTheResidentsAskedFor() {
        for (int residents : List.of(1, 7, 2_000, 35_001)) {
            Map<String, Long> counts = CityLoader.dryRun(new CityGenerator(residents, 34), nowhere());
            assertThat(counts.get("Resident"))
                    .as("residents of a city of %d", residents)
                    .isEqualTo(residents);
        }
    }

    @Test
    void involvementsFollowAHeavyTail() {
        Map<String, String> householdOfResident = new HashMap<>();
        Map<String, Integer> involvementsPerHousehold = new LinkedHashMap<>();
        new CityGenerator(60_000, 34).generate(record -> {
            if (record instanceof Household household) {
                involvementsPerHousehold.put(household.id(), 0);
                household.members().forEach(m -> householdOfResident.put(m.id(), household.id()));
            } else if (record instanceof Involvement involvement) {
                String household = involvement.householdId() != null
                        ? involvement.householdId()
                        : householdOfResident.get(involvement.residentId());
                involvementsPerHousehold.merge(household, 1, Integer::sum);
            }
        });

        double households = involvementsPerHousehold.size();
        double none =
                involvementsPerHousehold.values().stream().filter(n -> n == 0).count() / households;
        double oneOrTwo = involvementsPerHousehold.values().stream()
                        .filter(n -> n == 1 || n == 2)
                        .count()
                / households;
        double tenOrMore =
                involvementsPerHousehold.values().stream().filter(n -> n >= 10).count() / households;
        assertThat(households).isGreaterThan(25_000);
        assertThat(none).as("share with none").isBetween(0.66, 0.74);
        assertThat(oneOrTwo).as("share with one or two").isBetween(0.18, 0.24);
        assertThat(tenOrMore).as("share with ten or more").isBetween(0.004, 0.014);
        assertThat(involvementsPerHousehold.values().stream()
                        .mapToInt(Integer::intValue)
                        .max()
                        .orElseThrow())
                .isGreaterThanOrEqualTo(14);
    }

    /** Every id a record names was handed out before it, so a loader writing in order never misses a node. */
    @Test
    void everyReferenceResolvesToARecordHandedOutBefore() {
        Set<String> municipalities = new HashSet<>();
        Set<String> districts = new HashSet<>();
        Set<String> neighbourhoods = new HashSet<>();
        Set<String> organisations = new HashSet<>();
        Set<String> teams = new HashSet<>();
        Set<String> vindplaatsen = new HashSet<>();
        Map<String, Professional> professionals = new HashMap<>();
        Set<String> households = new HashSet<>();
        Set<String> residents = new HashSet<>();
        Set<String> pseudonyms = new HashSet<>();
        Set<String> ids = new HashSet<>();
        Set<Set<String>> pairs = new HashSet<>();
        Map<String, Involvement> involvements = new LinkedHashMap<>();
        List<CityRecord> all = new ArrayList<>();

        new CityGenerator(2_000, 34).generate(record -> {
            all.add(record);
            if (record instanceof Municipality m) {
                municipalities.add(m.code());
            } else if (record instanceof District d) {
                assertThat(municipalities).contains(d.municipalityCode());
                districts.add(d.code());
            } else if (record instanceof Neighbourhood n) {
                assertThat(districts).contains(n.districtCode());
                neighbourhoods.add(n.code());
            } else if (record instanceof Organisation o) {
                assertThat(ids.add(o.id())).isTrue();
                organisations.add(o.id());
            } else if (record instanceof Team t) {
                assertThat(neighbourhoods).containsAll(t.serves());
                assertThat(ids.add(t.id())).isTrue();
                teams.add(t.id());
            } else if (record instanceof Vindplaats v) {
                assertThat(neighbourhoods).contains(v.neighbourhoodCode());
                assertThat(ids.add(v.id())).isTrue();
                vindplaatsen.add(v.id());
            } else if (record instanceof Contact c) {
                assertThat(teams).contains(c.teamId());
                assertThat(vindplaatsen).contains(c.vindplaatsId());
            } else if (record instanceof Professional p) {
                assertThat(organisations).contains(p.organisationId());
                if (p.teamId() != null) {
                    assertThat(teams).contains(p.teamId());
                    assertThat(p.secondedSince()).isNotNull();
                }
                assertThat(ids.add(p.id())).isTrue();
                professionals.put(p.id(), p);
            } else if (record instanceof Collaboration c) {
                assertThat(professionals).containsKeys(c.professionalA(), c.professionalB());
                assertThat(c.professionalA()).isNotEqualTo(c.professionalB());
                assertThat(pairs.add(Set.of(c.professionalA(), c.professionalB())))
                        .as("a pair is stored once")
                        .isTrue();
            } else if (record instanceof Household h) {
                assertThat(neighbourhoods).contains(h.neighbourhoodCode());
                assertThat(h.postcode()).matches("[1-9][0-9]{3}[A-Z]{2}");
                assertThat(h.members()).isNotEmpty();
                assertThat(ids.add(h.id())).isTrue();
                households.add(h.id());
                for (Resident member : h.members()) {
                    assertThat(ids.add(member.id())).isTrue();
                    assertThat(member.pseudonym()).matches("[0-9a-f]{64}");
                    assertThat(pseudonyms.add(member.pseudonym())).isTrue();
                    residents.add(member.id());
                }
            } else if (record instanceof Involvement i) {
                Professional professional = professionals.get(i.professionalId());
                assertThat(professional).isNotNull();
                assertThat(i.organisationId()).isEqualTo(professional.organisationId());
                if (i.teamId() != null) {
                    assertThat(i.teamId()).isEqualTo(professional.teamId());
                }
                assertThat(i.householdId() != null ? households : residents)
                        .contains(i.householdId() != null ? i.householdId() : i.residentId());
                assertThat(i.until() == null || !i.until().isBefore(i.since())).isTrue();
                assertThat(i.since()).isBeforeOrEqualTo(CityGenerator.REFERENCE_DATE);
                assertThat(ids.add(i.id())).isTrue();
                involvements.put(i.id(), i);
            } else if (record instanceof Coordinator c) {
                assertThat(households).contains(c.householdId());
                assertThat(involvements.values())
                        .anyMatch(i -> i.professionalId().equals(c.professionalId())
                                && i.status() == InvolvementStatus.ACTIVE);
            } else if (record instanceof Application a) {
                assertThat(teams).contains(a.teamId());
                assertThat(a.householdId() != null ? households : residents)
                        .contains(a.householdId() != null ? a.householdId() : a.residentId());
                assertThat(a.decidedOn() == null || !a.decidedOn().isBefore(a.submittedOn()))
                        .isTrue();
                assertThat(ids.add(a.id())).isTrue();
            }
        });

        assertThat(all).hasAtLeastOneElementOfType(Application.class);
        assertThat(all).hasAtLeastOneElementOfType(Coordinator.class);
        assertThat(residents).hasSize(2_000);
        List<Involvement> referred = involvements.values().stream()
                .filter(i -> i.endReason() == EndReason.REFERRED)
                .toList();
        assertThat(referred).isNotEmpty();
        for (Involvement before : referred) {
            assertThat(involvements.values())
                    .as("the involvement that took over %s", before.id())
                    .anyMatch(after -> !after.organisationId().equals(before.organisationId())
                            && Objects.equals(after.householdId(), before.householdId())
                            && Objects.equals(after.residentId(), before.residentId())
                            && !after.since().isBefore(before.until()));
        }
    }

    /**
     * Two million residents pass through a sink that keeps nothing but counts, and each household arrives while the
     * generator has made no resident beyond it: it never holds the city, only the household in hand.
     */
    @Test
    void aLargeCityStreamsOneHouseholdAtATime() {
        CityGenerator generator = new CityGenerator(2_000_000, 34);
        long[] residentsSeen = {0};
        long[] households = {0};
        long[] furthestAhead = {0};
        generator.generate(record -> {
            if (record instanceof Household household) {
                residentsSeen[0] += household.members().size();
                households[0]++;
                furthestAhead[0] = Math.max(furthestAhead[0], generator.residentsGenerated() - residentsSeen[0]);
            }
        });

        assertThat(residentsSeen[0]).isEqualTo(2_000_000);
        assertThat(households[0]).isBetween(850_000L, 950_000L);
        assertThat(furthestAhead[0]).isZero();
    }

    private static List<CityRecord> firstRecords(CityGenerator generator, int count) {
        List<CityRecord> records = new ArrayList<>();
        try {
            generator.generate(record -> {
                records.add(record);
                if (records.size() == count) {
                    throw new EnoughRecords();
                }
            });
        } catch (EnoughRecords enough) {
            return records;
        }
        return records;
    }

    private static PrintStream nowhere() {
        return new PrintStream(OutputStream.nullOutputStream());
    }

    /** Stops a generation once the test has what it compares. */
    private static final class EnoughRecords extends RuntimeException {
        EnoughRecords() {
            super(null, null, false, false);
        }
    }
}

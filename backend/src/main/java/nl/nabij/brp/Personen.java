package nl.nabij.brp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The parts of the BRP API Personen's answers that Nabij reads, as the {@code fields} of {@link BrpClient} ask for
 * them; anything else in an answer is ignored.
 */
final class Personen {

    private Personen() {}

    /** The answer to any question: {@code personen}, in the shape its {@code type} names. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(String type, List<Persoon> personen) {

        List<Persoon> persons() {
            return personen == null ? List.of() : personen;
        }
    }

    /** A person, as a {@code Persoon}, {@code GezagPersoonBeperkt} or {@code PersoonBeperkt}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Persoon(
            String burgerservicenummer,
            Boolean geheimhoudingPersoonsgegevens,
            Naam naam,
            Geboorte geboorte,
            Integer leeftijd,
            Geboorte overlijden,
            Verblijfplaats verblijfplaats,
            Waardetabel gemeenteVanInschrijving,
            List<Gerelateerde> ouders,
            List<Gerelateerde> kinderen,
            List<Gerelateerde> partners,
            List<Gezagsrelatie> gezag) {

        boolean secret() {
            return Boolean.TRUE.equals(geheimhoudingPersoonsgegevens);
        }

        boolean deceased() {
            return overlijden != null && overlijden.datum() != null;
        }

        /** The BSNs of the parents, children and partners the BRP links to this person. */
        Stream<String> relatives() {
            return Stream.of(ouders, kinderen, partners)
                    .filter(list -> list != null)
                    .flatMap(List::stream)
                    .map(Gerelateerde::burgerservicenummer)
                    .filter(bsn -> bsn != null);
        }

        /** The name a professional sees: the first given name, the prefix and the surname, as the demo data has it. */
        String displayName() {
            if (naam == null || naam.geslachtsnaam() == null) {
                return "Onbekend";
            }
            String first =
                    naam.voornamen() == null ? "" : naam.voornamen().strip().split("\\s+")[0];
            return Stream.of(first, naam.voorvoegsel(), naam.geslachtsnaam())
                    .filter(part -> part != null && !part.isBlank())
                    .reduce((a, b) -> a + " " + b)
                    .orElseThrow();
        }

        /** The birth year from a full or partial birth date, else from the age; empty when neither is known. */
        Optional<Integer> birthYear(LocalDate today) {
            if (geboorte != null && geboorte.datum() != null) {
                Datum datum = geboorte.datum();
                if (datum.datum() != null) {
                    return Optional.of(datum.datum().getYear());
                }
                if (datum.jaar() != null) {
                    return Optional.of(datum.jaar());
                }
            }
            return Optional.ofNullable(leeftijd).map(age -> today.getYear() - age);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Naam(String voornamen, String voorvoegsel, String geslachtsnaam) {}

    /** A birth or a death: only its date is read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Geboorte(Datum datum) {}

    /** A full date ({@code Datum}), a year and maybe a month ({@code JaarDatum}, ...), or an unknown one. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Datum(String type, LocalDate datum, Integer jaar) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Waardetabel(String code, String omschrijving) {}

    /** Where a person lives; only an {@code Adres} in the Netherlands places them in a household. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Verblijfplaats(String type, String adresseerbaarObjectIdentificatie, Verblijfadres verblijfadres) {

        boolean isAddress() {
            return "Adres".equals(type)
                    && adresseerbaarObjectIdentificatie != null
                    && verblijfadres != null
                    && verblijfadres.postcode() != null
                    && verblijfadres.huisnummer() != null;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Verblijfadres(String postcode, Integer huisnummer, String huisletter, String huisnummertoevoeging) {

        /** The postcode as Nabij writes it: four digits and two capitals, no space. */
        String nabijPostcode() {
            return postcode.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        }

        /** Nabij's house number addition: the letter and the addition together, or null when there is neither. */
        String addition() {
            String joined =
                    (huisletter == null ? "" : huisletter) + (huisnummertoevoeging == null ? "" : huisnummertoevoeging);
            return joined.isBlank() ? null : joined.strip();
        }
    }

    /** A parent, child or partner: only the BSN is read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Gerelateerde(String burgerservicenummer) {}

    /** Who has authority over a minor: the minor, and the parents or third parties who hold it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Gezagsrelatie(
            String type,
            Gerelateerde minderjarige,
            List<Gerelateerde> ouders,
            Gerelateerde ouder,
            Gerelateerde derde,
            List<Gerelateerde> derden) {

        /** The BSNs of those who hold authority over the minor. */
        Stream<String> holders() {
            return Stream.concat(
                            Stream.of(ouder, derde),
                            Stream.of(ouders, derden)
                                    .filter(list -> list != null)
                                    .flatMap(List::stream))
                    .filter(holder -> holder != null && holder.burgerservicenummer() != null)
                    .map(Gerelateerde::burgerservicenummer);
        }
    }

    /** An error answer: RFC 7807 problem details. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Foutbericht(String type, String title, Integer status, String detail, String instance, String code) {}
}

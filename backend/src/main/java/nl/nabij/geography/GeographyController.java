package nl.nabij.geography;

import java.io.StringReader;
import java.util.List;
import nl.nabij.api.InputError;
import nl.nabij.directory.Municipality;
import nl.nabij.security.Actor;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** The administrator's {@code importGeography}. */
@Controller
class GeographyController {

    private final GeographyImport geography;
    private final GeographyQueries queries;

    GeographyController(GeographyImport geography, GeographyQueries queries) {
        this.geography = geography;
        this.queries = queries;
    }

    /** The input of {@code importGeography}: the files' text. */
    record Input(String municipalityCode, String areasCsv, String addressesCsv) {}

    /** The result of {@code importGeography}. */
    record Payload(
            Municipality municipality,
            int districts,
            int neighbourhoods,
            long addresses,
            long householdsPlaced,
            long vindplaatsenPlaced,
            List<InputError> errors) {}

    @MutationMapping
    Payload importGeography(@Argument Input input, Actor actor) {
        GeographyImport.Result result = geography.run(
                actor.user(),
                actor.origin(),
                input.municipalityCode(),
                input.areasCsv() == null ? null : () -> new StringReader(input.areasCsv()),
                input.addressesCsv() == null ? null : () -> new StringReader(input.addressesCsv()));
        return new Payload(
                result.errors().isEmpty()
                        ? queries.municipality(result.municipalityCode()).orElse(null)
                        : null,
                result.districts(),
                result.neighbourhoods(),
                result.addresses(),
                result.householdsPlaced(),
                result.vindplaatsenPlaced(),
                result.errors());
    }
}

package nl.nabij.household;

import java.util.Objects;
import java.util.stream.Stream;
import nl.nabij.api.Ids;
import nl.nabij.api.InvalidArgumentException;

/** The area an overlap search covers: one neighbourhood, the neighbourhoods a team serves, or a municipality. */
record OverlapScope(Area area, String key) {

    enum Area {
        NEIGHBOURHOOD,
        TEAM,
        MUNICIPALITY
    }

    /** The {@code OverlapScopeInput} of the schema, as the client sent it. */
    record Input(String neighbourhoodCode, String teamId, String municipalityCode) {}

    /** The one area the input names, its key checked, or a typed error naming the field. */
    static OverlapScope of(Input input) {
        long given = Stream.of(input.neighbourhoodCode(), input.teamId(), input.municipalityCode())
                .filter(Objects::nonNull)
                .count();
        if (given != 1) {
            throw new InvalidArgumentException(
                    "scope", "ONE_SCOPE", "scope must name exactly one of neighbourhoodCode, teamId, municipalityCode");
        }
        if (input.neighbourhoodCode() != null) {
            return new OverlapScope(
                    Area.NEIGHBOURHOOD, Ids.requireCbsCode("neighbourhoodCode", input.neighbourhoodCode(), "BU", 8));
        }
        if (input.teamId() != null) {
            return new OverlapScope(Area.TEAM, Ids.requireUuid("teamId", input.teamId()));
        }
        return new OverlapScope(
                Area.MUNICIPALITY, Ids.requireCbsCode("municipalityCode", input.municipalityCode(), "GM", 4));
    }
}

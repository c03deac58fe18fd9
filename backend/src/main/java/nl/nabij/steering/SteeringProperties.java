package nl.nabij.steering;

import java.time.Period;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The statutory terms the waiting figures measure against, per law ({@code nabij.steering.statutory-terms.WMO=P8W}).
 * A law left out keeps the default of eight weeks: the term the Algemene wet bestuursrecht (art. 4:13) sets for a
 * decision when a law sets none, which youth care and participation follow, and what the Wmo's six weeks of inquiry
 * after a report plus two weeks for the decision after the application add up to.
 *
 * @param statutoryTerms the statutory term per law ({@code WMO}, {@code YOUTH}, {@code PARTICIPATION}), an ISO-8601
 *     period; zero or less stops the start
 */
@ConfigurationProperties("nabij.steering")
public record SteeringProperties(Map<ApplicationLaw, Period> statutoryTerms) {

    static final Period DEFAULT_TERM = Period.ofWeeks(8);

    public SteeringProperties {
        Map<ApplicationLaw, Period> terms = new EnumMap<>(ApplicationLaw.class);
        for (ApplicationLaw law : ApplicationLaw.values()) {
            terms.put(law, DEFAULT_TERM);
        }
        if (statutoryTerms != null) {
            terms.putAll(statutoryTerms);
        }
        terms.forEach((law, term) -> {
            if (term.isNegative() || term.isZero()) {
                throw new IllegalArgumentException("nabij.steering.statutory-terms." + law + " must be positive");
            }
        });
        statutoryTerms = Collections.unmodifiableMap(terms);
    }
}

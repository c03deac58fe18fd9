package nl.nabij.regie;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The thresholds of the regie rules.
 *
 * @param organisations from how many organisations on a household needs a coordinator
 * @param daysToCoordinator how many days it may go without one once it has that many
 */
@ConfigurationProperties("nabij.regie")
public record RegieProperties(@DefaultValue("3") int organisations, @DefaultValue("30") int daysToCoordinator) {}
